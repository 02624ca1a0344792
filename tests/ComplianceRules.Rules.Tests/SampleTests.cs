using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
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
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), ReadmeAsOf, WorkingDayCalendar.Default);

        var report = Check.Run(new CaseFileReader().Read(Repository.Path("fixtures", "sample")), evaluator);

        report.Summary.CasesRead.ShouldBeGreaterThanOrEqualTo(45);
        var silent = RuleCatalog.Default.Descriptors.Select(d => d.Id).Where(id => !report.Summary.ByRule.ContainsKey(id)).ToArray();
        silent.ShouldBeEmpty("these rules never fire on fixtures/sample");
    }
}
