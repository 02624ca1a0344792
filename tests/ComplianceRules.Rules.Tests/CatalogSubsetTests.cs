using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Generator;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Rules.Tests;

/// <summary>
/// <see cref="RuleCatalog.Only"/>: a rule compiled with the derivation rules alone finds exactly
/// what it finds in the whole catalogue (no catalogue rule matches another's findings), which is
/// what lets <c>compliance tune</c> evaluate only the rule it tunes.
/// </summary>
public sealed class CatalogSubsetTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public void Each_rule_alone_with_the_derivations_finds_what_it_finds_in_the_whole_catalogue()
    {
        // fixtures/sample makes every rule fire (SampleTests), CSC0001 on its unreadable case;
        // generated cases add years of history.
        var generator = new CaseGenerator(seed: 3, AsOf);
        List<CaseReadResult> sample = [.. new CaseFileReader().Read(Repository.Path("fixtures", "sample"))];
        List<CaseFile> generated = [.. Enumerable.Range(0, 300).Select(index => generator.Generate(index).File)];
        var whole = Findings(new CompiledProfile(Profile.Default), sample, generated);

        foreach (var rule in RuleCatalog.Default.Descriptors)
        {
            var alone = Findings(new CompiledProfile(Profile.Default, RuleCatalog.Default.Only(rule.Id)), sample, generated);
            alone.ShouldAllBe(finding => finding.StartsWith(rule.Id + " "), $"{rule.Id} compiled alone");
            alone.ShouldBe(whole.Where(finding => finding.StartsWith(rule.Id + " ")).ToList(), $"{rule.Id} alone and in the whole catalogue");
        }

        // Every rule is compared on findings of its own, not on two empty lists.
        whole.Select(finding => finding[..finding.IndexOf(' ')]).Distinct().Count().ShouldBe(RuleCatalog.Default.Descriptors.Count);
    }

    [Fact]
    public void Only_names_a_rule_of_the_catalogue() =>
        Should.Throw<ArgumentException>(() => RuleCatalog.Default.Only("CSC9999")).Message.ShouldStartWith("CSC9999 is not in the catalogue.");

    /// <summary>Every finding on the cases, in case and engine order, as one line with all it says.</summary>
    private static List<string> Findings(CompiledProfile rules, List<CaseReadResult> sample, List<CaseFile> generated)
    {
        var evaluator = new Evaluator(rules, AsOf, WorkingDayCalendar.Default);
        return [.. sample.SelectMany(evaluator.Evaluate).Concat(generated.SelectMany(evaluator.Evaluate)).Select(Describe)];
    }

    private static string Describe(Finding finding) =>
        $"{finding.Result.RuleId} {finding.Result.CaseId} {finding.Severity} {JsonConvert.SerializeObject(finding.Result)}";
}
