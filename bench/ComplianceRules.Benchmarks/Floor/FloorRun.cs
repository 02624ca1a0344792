using System.Diagnostics;
using ComplianceRules.Facts.AsOf;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>
/// bench/run.sh part (c): on cases already read and viewed as of D, the engine with three rules
/// against <see cref="HandWrittenRules"/>, alternately, after one warm-up pass of each.
/// </summary>
public static class FloorRun
{
    public static void Run(IReadOnlyList<CaseAsOf> cases, int passes, TextWriter report)
    {
        var engine = new EngineRules();
        var engineSeconds = new List<double>();
        var handWrittenSeconds = new List<double>();
        var (engineFindings, handWrittenFindings) = (Time(cases, engine.Evaluate, out _), Time(cases, HandWrittenRules.Evaluate, out _));
        if (engineFindings != handWrittenFindings)
        {
            throw new InvalidOperationException($"The engine found {engineFindings} findings and the hand-written rules {handWrittenFindings}: the floor compares different work.");
        }

        for (var pass = 0; pass < passes; pass++)
        {
            Time(cases, engine.Evaluate, out var seconds);
            engineSeconds.Add(seconds);
            Time(cases, HandWrittenRules.Evaluate, out seconds);
            handWrittenSeconds.Add(seconds);
        }

        report.WriteLine($"floor: {cases.Count} cases, {engineFindings} findings, {passes} passes each");
        report.WriteLine($"engine_seconds={Median(engineSeconds):F4}");
        report.WriteLine($"handwritten_seconds={Median(handWrittenSeconds):F4}");
    }

    private static int Time(IReadOnlyList<CaseAsOf> cases, Func<CaseAsOf, List<Rules.Catalog.RuleFinding>> evaluate, out double seconds)
    {
        var findings = 0;
        var clock = Stopwatch.StartNew();
        foreach (var @case in cases)
        {
            findings += evaluate(@case).Count;
        }

        seconds = clock.Elapsed.TotalSeconds;
        return findings;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
