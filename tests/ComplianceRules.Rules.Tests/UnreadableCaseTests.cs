using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>
/// CSC0001 on broken JSON syntax, which a fixture cannot hold (its cases are part of the fixture's
/// own JSON): one NDJSON line is broken, the lines around it are still evaluated.
/// </summary>
public sealed class UnreadableCaseTests
{
    [Fact]
    public void A_broken_ndjson_line_is_rejected_alone_and_the_other_lines_are_evaluated()
    {
        const string ndjson = """
            {"caseId":"C1","cpPlans":[{"id":"CPP1","start":"2026-01-05"},{"id":"CPP2","start":"2026-06-01"}]}
            {"caseId":"C2","cpPlans":[{"id":"CPP1","start":"2026-01-05"
            {"caseId":"C3","cpPlans":[{"id":"CPP1","start":"2026-01-05"},{"id":"CPP2","start":"2026-06-01"}]}
            """;
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), new DateOnly(2026, 11, 20), WorkingDayCalendar.Default);

        var report = Check.Run(new CaseFileReader().Read(new StringReader(ndjson), "cases.ndjson"), evaluator);

        var rejected = report.Findings.Single(f => f.Result.RuleId == "CSC0001").Result;
        rejected.CaseId.ShouldBe("C2");
        rejected.Status.ShouldBe(FindingStatus.Present);
        rejected.SubjectId.ShouldBeNull();
        rejected.Source.ShouldNotBeNull();
        rejected.Source.File.ShouldBe("cases.ndjson");
        rejected.Source.Line.ShouldBe(2);
        rejected.Message.ShouldContain("not valid JSON");
        report.Findings.Where(f => f.Result.RuleId == "CSC0003").Select(f => f.Result.CaseId).ShouldBe(["C1", "C3"]);
        report.Summary.CasesRead.ShouldBe(3);
        report.Summary.CasesRejected.ShouldBe(1);
    }
}
