using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Harness;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>
/// A rule's <c>[Reports(...)]</c> is what coverage counts against, so it must not lie: every
/// status a rule reports on the fixtures and on the sample is one it declares.
/// </summary>
public sealed class DeclaredStatusTests
{
    [Fact]
    public void Every_status_reported_on_the_fixtures_and_the_sample_is_declared_by_its_rule()
    {
        var runner = new FixtureRunner();
        var fromFixtures = Harness.Fixture.Find([Repository.Path("fixtures")])
            .Select(Harness.Fixture.Load)
            .SelectMany(fixture => runner.Evaluate(fixture).Findings);
        var sample = new Evaluator(new CompiledProfile(Profile.Default), new DateOnly(2026, 11, 20), WorkingDayCalendar.Default);
        var fromSample = Check.Run(new CaseFileReader().Read(Repository.Path("fixtures", "sample")), sample).Findings;

        var reported = fromFixtures.Concat(fromSample).Select(f => (f.Result.RuleId, f.Result.Status)).Distinct().ToArray();

        reported.Length.ShouldBeGreaterThan(RuleCatalog.Default.Descriptors.Count, "the fixtures and sample report at least one status per rule");
        reported.Where(r => !RuleCatalog.Default.Find(r.RuleId)!.Statuses.Contains(r.Status))
            .Select(r => $"{r.RuleId} reports {r.Status} but does not declare it in [Reports]")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_declares_what_it_can_report()
    {
        RuleCatalog.Default.Descriptors.ShouldAllBe(rule => rule.Statuses.Count > 0);
        RuleCatalog.Default.Descriptors
            .Where(rule => rule.Statuses.Contains(FindingStatus.Present) && rule.Statuses.Count > 1)
            .Select(rule => rule.Id)
            .ShouldBeEmpty("a state rule reports `present` and nothing else");
    }
}
