using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>Cases go between the stages in batches; the order of the findings never depends on where a batch or a run ends.</summary>
public sealed class BatchTests
{
    [Theory]
    [InlineData(1, 20_000)]
    [InlineData(4, 20_000)]
    [InlineData(4, 5)]
    public void Findings_tied_on_every_key_come_in_the_input_order_of_their_cases_across_batches_and_runs(int threads, int runSize)
    {
        // One case id, so every case's findings tie on cli.md's keys; the worker tells the cases apart.
        // 16 cases a batch: five full batches, then three cases.
        const int CaseCount = 83;
        var reader = new CaseFileReader();
        var cases = Enumerable.Range(0, CaseCount)
            .SelectMany(i => reader.Read(new StringReader(Cases.VisitedLate("SAME", workerId: Worker(i)).ReplaceLineEndings(" ")), "cases.ndjson"));
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), Cases.AsOf, WorkingDayCalendar.Default);

        var report = Check.Run(cases, evaluator, new CheckOptions { Threads = threads, RunSize = runSize });

        report.Summary.CasesEvaluated.ShouldBe(CaseCount);
        var findings = report.Findings.ToList();
        foreach (var rule in findings.GroupBy(f => (f.Result.RuleId, f.Result.DueDate, f.Result.SubjectId)))
        {
            rule.Select(f => f.Result.WorkerId).ShouldBe(Enumerable.Range(0, CaseCount).Select(Worker), $"{rule.Key}");
        }
    }

    private static string Worker(int index) => $"SW{index:D3}";
}
