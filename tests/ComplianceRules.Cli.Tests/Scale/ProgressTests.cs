using ComplianceRules.Cli.Commands;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>Progress on stderr: what the counters say, and plain lines while a check runs when stderr is not a terminal.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void Progress_counts_every_case_read_and_this_shards_cases_evaluated()
    {
        // Of C1-C4, shard 1/2 owns C3 and C4 (worked out with Python's hashlib: their SHA-256
        // prefixes are even, C1's and C2's odd).
        var progress = new CheckProgress();
        var cases = new[] { "C1", "C2", "C3", "C4" };
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), Cases.AsOf, WorkingDayCalendar.Default);

        Check.Run(
            cases.SelectMany(c => new CaseFileReader().Read(new StringReader(Cases.VisitedLate(c)), $"{c}.json")),
            evaluator,
            new CheckOptions { Shard = new Shard(1, 2), Progress = progress });

        (progress.CasesRead, progress.CasesEvaluated).ShouldBe((4L, 2L));
        // 2 evaluated in half a second: 4 cases a second.
        ProgressDisplay.Describe(progress, TimeSpan.FromSeconds(0.5)).ShouldBe("4 cases read, 2 evaluated, 4 cases/s");
    }

    [Fact]
    public async Task Without_a_terminal_a_plain_line_comes_every_interval_until_the_work_ends()
    {
        var text = new StringWriter();
        var error = TextWriter.Synchronized(text);
        var progress = new CheckProgress();
        string[] Lines()
        {
            // The synchronized writer locks on itself while it writes.
            lock (error)
            {
                return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        // The work ends only once three lines have been written, so the test waits for no clock.
        var work = Task.Run(() => SpinWait.SpinUntil(() => Lines().Length >= 3, TimeSpan.FromMinutes(1)));

        ProgressDisplay.Lines(error, progress, work, TimeSpan.FromMilliseconds(5));

        (await work).ShouldBeTrue();
        Lines().Length.ShouldBeGreaterThanOrEqualTo(3);
        Lines().ShouldAllBe(line => line == "compliance: 0 cases read, 0 evaluated, 0 cases/s");
    }
}
