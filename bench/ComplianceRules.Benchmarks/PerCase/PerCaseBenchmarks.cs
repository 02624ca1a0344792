using BenchmarkDotNet.Attributes;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Benchmarks.PerCase;

/// <summary>
/// What the check spends on each case outside the engine and the rules, on 2,000 generated cases:
/// viewing the case as of D (<see cref="CaseAsOf"/>) and the fingerprints of its findings.
/// </summary>
[MemoryDiagnoser]
public class PerCaseBenchmarks
{
    private List<CaseFile> files = null!;
    private List<RuleFinding> findings = null!;
    private DeadlineCalculator dates = null!;

    [GlobalSetup]
    public void Setup()
    {
        files = BenchCases.Generate(2000).Select(c => c.Recorded).ToList();
        dates = BenchCases.Dates(BenchCases.AsOf);
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), BenchCases.AsOf, WorkingDayCalendar.Default);
        findings = files.SelectMany(evaluator.Evaluate).Select(f => f.Result).ToList();
    }

    [Benchmark]
    public int View2000CasesAsOf()
    {
        var open = 0;
        foreach (var file in files)
        {
            open += new CaseAsOf(file, dates, lookbackMonths: 6).IsOpen ? 1 : 0;
        }

        return open;
    }

    [Benchmark]
    public int FingerprintTheirFindings()
    {
        var length = 0;
        foreach (var finding in findings)
        {
            length += Finding.FingerprintOf(finding).Length;
        }

        return length;
    }
}
