using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>The README's nightly demo: the shipped sample, as of the date the README uses, exercises every rule.</summary>
public sealed class SampleTests
{
    /// <summary>The as-of date of the README's main command.</summary>
    private static readonly DateOnly ReadmeAsOf = new(2026, 11, 20);

    [Fact]
    public void Every_rule_fires_at_least_once_on_the_sample()
    {
        var report = CheckSample();

        report.Summary.CasesRead.ShouldBeGreaterThanOrEqualTo(45);
        var silent = RuleCatalog.Default.Descriptors.Select(d => d.Id).Where(id => !report.Summary.ByRule.ContainsKey(id)).ToArray();
        silent.ShouldBeEmpty("these rules never fire on fixtures/sample");
    }

    /// <summary>Rules build their messages when they fire, so the catalogue's "every rule has a message" is checked on what they say here.</summary>
    [Fact]
    public void Every_finding_on_the_sample_has_a_message_phrased_for_people()
    {
        var badlyPhrased = CheckSample().Findings
            .Select(f => f.Result)
            .Where(f => string.IsNullOrWhiteSpace(f.Message) || char.IsLower(f.Message[0]) || f.Message.IndexOfAny(['{', '}']) >= 0)
            .Select(f => $"{f.CaseId} {f.RuleId}: \"{f.Message}\"")
            .ToArray();

        badlyPhrased.ShouldBeEmpty();
    }

    private static CheckReport CheckSample()
    {
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), ReadmeAsOf, WorkingDayCalendar.Default);
        return Check.Run(new CaseFileReader().Read(Repository.Path("fixtures", "sample")), evaluator);
    }
}
