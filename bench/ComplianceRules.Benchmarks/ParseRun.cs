using System.Diagnostics;
using ComplianceRules.Facts.Reading;

namespace ComplianceRules.Benchmarks;

/// <summary>bench/run.sh part (a): read every case of the input with the project's reader, and nothing else.</summary>
public static class ParseRun
{
    public static void Run(string path, TextWriter report)
    {
        var clock = Stopwatch.StartNew();
        var (read, rejected) = (0, 0);
        foreach (var result in new CaseFileReader().Read(path))
        {
            read++;
            rejected += result is RejectedCase ? 1 : 0;
        }

        report.WriteLine($"parse: {read} cases read, {rejected} rejected, {clock.Elapsed.TotalSeconds:F3} s in process");
    }
}
