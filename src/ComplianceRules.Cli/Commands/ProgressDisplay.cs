using System.Diagnostics;
using System.Globalization;
using ComplianceRules.Findings.Evaluation;
using Spectre.Console;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// How far a check has got, on stderr and never in its outputs: a Spectre.Console progress bar
/// when stderr is a terminal, else a plain line every <see cref="LineInterval"/> (for logs and cron mail).
/// </summary>
public static class ProgressDisplay
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="work"/> on another thread and shows <paramref name="progress"/> until it ends; its exceptions surface as they were thrown.</summary>
    public static T While<T>(CheckProgress progress, Func<T> work)
    {
        var running = Task.Run(work);
        if (Console.IsErrorRedirected)
        {
            Lines(Console.Error, progress, running, LineInterval);
        }
        else
        {
            Bar(progress, running);
        }

        return running.GetAwaiter().GetResult();
    }

    /// <summary>Writes a line every <paramref name="interval"/> until <paramref name="running"/> ends.</summary>
    public static void Lines(TextWriter error, CheckProgress progress, Task running, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (!Ended(running, interval))
        {
            error.WriteLine($"compliance: {Describe(progress, clock.Elapsed)}");
        }
    }

    /// <summary><c>120,000 cases read, 118,400 evaluated, 5,920 cases/s</c>.</summary>
    public static string Describe(CheckProgress progress, TimeSpan elapsed)
    {
        var evaluated = progress.CasesEvaluated;
        var rate = elapsed > TimeSpan.Zero ? evaluated / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{progress.CasesRead:N0} cases read, {evaluated:N0} evaluated, {rate:N0} cases/s");
    }

    private static void Bar(CheckProgress progress, Task running)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(context =>
            {
                // The number of cases is not known until the input has been read: the bar pulses.
                var task = context.AddTask(Describe(progress, clock.Elapsed));
                task.IsIndeterminate = true;
                while (!Ended(running, TimeSpan.FromMilliseconds(200)))
                {
                    task.Description = Describe(progress, clock.Elapsed);
                }

                task.StopTask();
            });
    }

    /// <summary>Waits up to <paramref name="wait"/>; true when the work has ended, whether or not it failed.</summary>
    private static bool Ended(Task running, TimeSpan wait) => Task.WaitAny([running], wait) >= 0;
}
