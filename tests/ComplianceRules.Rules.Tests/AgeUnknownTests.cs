using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Model;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>
/// CSC0004 names the age rules it stands in for from the catalogue's metadata: every rule marked
/// [RequiresDateOfBirth], sorted. Fixtures leave that list out; these tests hold it to the list
/// rules.md gives, so a rule that loses or wrongly gains the mark fails here.
/// </summary>
public sealed class AgeUnknownTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    /// <summary>rules.md "Ages and birthdays": the rules that need an age.</summary>
    private static readonly string[] AgeRulesOfTheCatalogue = ["CSC1002", "CSC6003", "CSC6004", "CSC8001", "CSC8002", "CSC8003"];

    [Fact]
    public void Rules_not_evaluated_are_the_age_rules_rules_md_names()
    {
        var finding = Evaluate(new CaseFile { CaseId = "C1", CpPlans = [new CpPlan { Id = "CPP1", Start = new DateOnly(2026, 6, 1) }] })
            .ShouldHaveSingleItem();

        finding.Arguments["rulesNotEvaluated"].ShouldBe(AgeRulesOfTheCatalogue);
    }

    [Fact]
    public void The_rules_marked_as_needing_a_date_of_birth_are_the_age_rules_rules_md_names()
    {
        RuleCatalog.Default.Descriptors
            .Where(d => d.RequiresDateOfBirth)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal)
            .ShouldBe(AgeRulesOfTheCatalogue);
    }

    [Fact]
    public void Age_rules_do_not_run_on_a_case_without_a_date_of_birth()
    {
        var careLeaver = new CaseFile
        {
            CaseId = "C1",
            LookedAfter = new Facts.Model.LookedAfter { Periods = [new CarePeriod { Id = "P1", Start = new DateOnly(2022, 1, 4), End = new DateOnly(2025, 5, 10) }] },
            CareLeaver = new CareLeaver { PathwayPlans = [new DatedRecord { Date = new DateOnly(2025, 2, 1) }] },
        };

        Evaluate(careLeaver).Select(f => f.RuleId).ShouldBe(["CSC0004"]);
    }

    /// <summary>The findings of the age-unknown rule and of every rule that needs an age.</summary>
    private static IEnumerable<RuleFinding> Evaluate(CaseFile file)
    {
        var ageRules = RuleCatalog.Default.Descriptors.Where(d => d.RequiresDateOfBirth).Select(d => d.Id).Append("CSC0004").ToHashSet();
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), AsOf, WorkingDayCalendar.Default);
        return evaluator.Evaluate(file).Select(f => f.Result).Where(r => ageRules.Contains(r.RuleId));
    }
}
