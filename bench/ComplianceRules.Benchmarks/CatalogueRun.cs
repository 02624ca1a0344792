using ComplianceRules.Benchmarks.Floor;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Benchmarks;

/// <summary>
/// What the check spends on a case besides reading it and writing its findings: the whole
/// catalogue under the default profile (the case viewed as of D, every rule, the findings with
/// their fingerprints) on cases already parsed. The fastest of the passes, in CPU time per case,
/// and the bytes allocated per case: the part of (b) that (a) does not have, measured where the
/// shared machine disturbs it least.
/// </summary>
public static class CatalogueRun
{
    public static void Run(string path, DateOnly asOf, int maxCases, int passes, TextWriter report)
    {
        List<CaseFile> cases = [.. new CaseFileReader().Read(path).OfType<ReadCase>().Take(maxCases).Select(read => read.Case)];
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), asOf, WorkingDayCalendar.Default);
        // Also compiles what the cases need before anything is timed.
        var findings = cases.Sum(file => evaluator.Evaluate(file).Count);
        void Evaluate(CaseFile file) => evaluator.Evaluate(file);

        var fastest = Enumerable.Range(0, passes).Min(_ => FloorRun.CpuSeconds(cases, Evaluate)) * 1e6 / cases.Count;
        var bytes = FloorRun.AllocatedBytes(cases, Evaluate) / (double)cases.Count;
        report.WriteLine($"catalogue: {cases.Count} cases, {findings / (double)cases.Count:F2} findings per case; " +
            $"CPU µs per case, fastest of {passes} passes: {fastest:F2}; bytes allocated per case: {bytes:F0}");
    }
}
