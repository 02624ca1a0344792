using System.Diagnostics;
using ComplianceRules.Facts.AsOf;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>
/// bench/run.sh part (c): on cases already read and viewed as of D, the engine with three rules
/// against <see cref="HandWrittenRules"/>, alternately, after one warm-up pass of each. Both are
/// single-threaded, so each pass is timed in process CPU time (what the work cost, not the time
/// other processes on a shared machine held the cores), with wall-clock time alongside.
/// </summary>
public static class FloorRun
{
    public static void Run(IReadOnlyList<CaseAsOf> cases, int passes, TextWriter report)
    {
        var engine = new EngineRules();
        var (engineSeconds, handWrittenSeconds) = (new List<PassTime>(), new List<PassTime>());
        var (engineFindings, handWrittenFindings) = (Time(cases, engine.Evaluate, out _), Time(cases, HandWrittenRules.Evaluate, out _));
        if (engineFindings != handWrittenFindings)
        {
            throw new InvalidOperationException($"The engine found {engineFindings} findings and the hand-written rules {handWrittenFindings}: the floor compares different work.");
        }

        for (var pass = 0; pass < passes; pass++)
        {
            Time(cases, engine.Evaluate, out var time);
            engineSeconds.Add(time);
            Time(cases, HandWrittenRules.Evaluate, out time);
            handWrittenSeconds.Add(time);
        }

        report.WriteLine($"floor: {cases.Count} cases, {engineFindings} findings, {passes} passes each; wall-clock medians: engine {Median(engineSeconds, t => t.Wall):F3} s, hand-written {Median(handWrittenSeconds, t => t.Wall):F3} s");
        report.WriteLine($"engine_seconds={Median(engineSeconds, t => t.Cpu):F4}");
        report.WriteLine($"handwritten_seconds={Median(handWrittenSeconds, t => t.Cpu):F4}");
    }

    private static int Time(IReadOnlyList<CaseAsOf> cases, Func<CaseAsOf, List<Rules.Catalog.RuleFinding>> evaluate, out PassTime time)
    {
        var findings = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var @case in cases)
        {
            findings += evaluate(@case).Count;
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        time = new PassTime((process.TotalProcessorTime - cpuBefore).TotalSeconds, wall);
        return findings;
    }

    /// <summary>The process CPU time <paramref name="work"/> took over <paramref name="cases"/>, in seconds.</summary>
    public static double CpuSeconds<TCase>(IReadOnlyList<TCase> cases, Action<TCase> work)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        foreach (var @case in cases)
        {
            work(@case);
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>The bytes <paramref name="work"/> allocates on this thread over <paramref name="cases"/>, after a pass that warms it up.</summary>
    public static long AllocatedBytes<TCase>(IReadOnlyList<TCase> cases, Action<TCase> work)
    {
        foreach (var @case in cases)
        {
            work(@case);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var @case in cases)
        {
            work(@case);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private readonly record struct PassTime(double Cpu, double Wall);

    private static double Median(List<PassTime> times, Func<PassTime, double> part)
    {
        var sorted = times.Select(part).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
