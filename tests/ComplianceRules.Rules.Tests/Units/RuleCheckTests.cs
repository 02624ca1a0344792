using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Harness;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Rules.Tests.Units;

/// <summary>
/// The builder itself: a case built in code evaluates as the same case read from a file, and a
/// failed assertion says what was asked, what was reported, and the rule's timeline.
/// </summary>
public sealed class RuleCheckTests
{
    /// <summary>wd(2026-01-28, 10) = 2026-02-10; the visit of 2026-02-11 is late; D = 2026-02-20.</summary>
    private static RuleCheck LateVisit() =>
        CaseBuilder.Case("C1").CpPlan("CPP1", start: new(2026, 1, 28)).Visit(new(2026, 2, 11)).AsOf(new(2026, 2, 20));

    [Fact]
    public void A_case_built_in_code_reports_what_the_same_case_read_from_a_file_reports()
    {
        const string file = """
            { "caseId": "C1", "team": "T1",
              "allocations": [ { "workerId": "SW1", "role": "socialWorker", "start": "2026-01-05" } ],
              "cpPlans": [ { "id": "CPP1", "start": "2026-01-05" } ],
              "visits": [ { "date": "2026-01-30" }, { "date": "2026-02-02", "seen": false } ],
              "supervisions": [ { "date": "2026-01-12", "supervisorId": "TM01" } ],
              "lookedAfter": { "periods": [ { "id": "P1", "start": "2026-01-12" } ], "reviews": [ "2026-02-20" ] } }
            """;
        var asOf = new DateOnly(2026, 3, 2);
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), asOf, WorkingDayCalendar.Default);
        var read = Check.Run(new CaseFileReader().Read(new StringReader(file), "C1.json"), evaluator).Findings.Select(FindingJson.ToJson);

        var built = CaseBuilder.Case("C1").Team("T1")
            .SocialWorker("SW1", start: new(2026, 1, 5))
            .CpPlan("CPP1", start: new(2026, 1, 5))
            .Visit(new(2026, 1, 30)).Visit(new(2026, 2, 2), seen: false)
            .Supervision(new(2026, 1, 12))
            .CarePeriod("P1", start: new(2026, 1, 12)).LookedAfterReview(new(2026, 2, 20))
            .AsOf(asOf)
            .Findings;

        string Comparable(JObject f) => $"{FixtureReport.Essentials(f).ToString(Formatting.None)} {f["message"]} {f["evidence"]!.ToString(Formatting.None)}";
        built.Select(Comparable).ShouldBe(read.Select(Comparable));
        built.Count.ShouldBeGreaterThan(2, "the case is meant to give several rules something to report");
    }

    [Fact]
    public void A_failed_ShouldReport_shows_what_was_asked_what_was_reported_and_the_timeline()
    {
        var failure = Should.Throw<ShouldAssertException>(() =>
            LateVisit().ShouldReport("CSC1001", status: FindingStatus.Late, dueDate: new(2026, 2, 9)));

        failure.Message.ShouldContain("""
            case C1 as of 2026-02-20
                should report
            {"ruleId":"CSC1001","status":"late","dueDate":"2026-02-09"}
                but reported
            """.ReplaceLineEndings("\n"));
        failure.Message.ShouldContain("""{"ruleId":"CSC1001","caseId":"C1","subjectId":"CPP1","status":"late","dueDate":"2026-02-10","metOn":"2026-02-11"}""");
        failure.Message.ShouldContain("    2026-01-28 → due 2026-02-10 → visits[0] on 2026-02-11 → late");
    }

    [Fact]
    public void A_failed_ShouldNotReport_shows_the_findings_reported()
    {
        var failure = Should.Throw<ShouldAssertException>(() => LateVisit().ShouldNotReport("CSC1001"));

        failure.Message.ShouldContain("    should not report\n{\"ruleId\":\"CSC1001\"}\n    but reported\n");
        failure.Message.ShouldContain("\"status\":\"late\"");
    }

    [Fact]
    public void The_profile_cannot_change_once_the_case_has_been_checked()
    {
        var check = LateVisit().ShouldReport("CSC1001");

        Should.Throw<InvalidOperationException>(() => check.WithParameter("CSC1001", "visit_interval_working_days", 20));
    }
}
