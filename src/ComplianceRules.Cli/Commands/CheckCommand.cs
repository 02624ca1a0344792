using System.CommandLine;
using System.Runtime.InteropServices;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Commands;

/// <summary><c>compliance check &lt;inputs...&gt;</c>: the nightly job (cli.md).</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Case files or directories of case files", Arity = ArgumentArity.OneOrMore };
        var asOf = CommandLineApp.DateOption("--as-of", "The evaluation date D, YYYY-MM-DD (default: today, UK time)");
        var profile = CommandLineApp.ProfileOption();
        var output = CommandLineApp.OutOption();
        var formats = OutputFormats.Option();
        var docsBase = CommandLineApp.DocsBaseOption();
        var failOn = CommandLineApp.FailOnOption();
        var threads = new Option<int>("--threads")
        {
            Description = "Cases evaluated at once, one per thread (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads expects a whole number of at least 1.");
            }
        });
        var shard = new Option<Shard?>("--shard")
        {
            Description = "Evaluate only shard i of n (i/n, e.g. 2/3): a stable hash partition by caseId; `compliance merge` combines the shards",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                var parsed = Shard.TryParse(text);
                if (parsed is null)
                {
                    result.AddError($"--shard expects i/n with 1 <= i <= n (e.g. 2/3), not '{text}'.");
                }

                return parsed;
            },
        };

        var command = new Command("check", "Evaluate every case file found in the inputs and write findings.json (and SARIF, HTML when asked)")
        {
            inputs, asOf, profile, output, formats, docsBase, failOn, threads, shard,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(inputs)!,
            parsed.GetValue(asOf) ?? CommandLineApp.TodayInUk(),
            CommandLineApp.LoadProfile(parsed.GetValue(profile)),
            parsed.GetValue(output)!,
            new OutputFormats(parsed.GetValue(formats)!, parsed.GetValue(docsBase)!),
            parsed.GetValue(failOn),
            new CheckOptions { Threads = parsed.GetValue(threads), Shard = parsed.GetValue(shard) }));
        return command;
    }

    private static int Run(string[] inputs, DateOnly asOf, Profile profile, string outputDirectory, OutputFormats formats, Severity failOn, CheckOptions options)
    {
        // The calendar's errors are usage errors, reported before anything is written; compiling the
        // rule set (which a loaded profile cannot fail) then runs while the first cases are read.
        var calendar = CommandLineApp.UsageErrorsFrom(() =>
        {
            var loaded = profile.LoadCalendar();
            loaded.EnsureCovers(asOf);
            return loaded;
        });

        // Findings are spilled in sorted runs beside the outputs and merged from there by each writer.
        using var runs = new SpilledRuns(outputDirectory, withLocation: options.Shard is not null, keepFindings: formats.ReadFindings);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Remove(runs));
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Remove(runs));
        var progress = new CheckProgress();
        // A missing input path, or a case dated in a year the calendar lacks: exit 2, nothing written.
        var report = CommandLineApp.UsageErrorsFrom(() => ProgressDisplay.While(progress, () =>
            Check.Run(
                // A shard reads only its own cases; the others are counted, not parsed.
                inputs.SelectMany(new CaseFileReader { Wanted = options.Shard is { } shard ? shard.Owns : null, DeferParsing = true }.Read),
                () => new Evaluator(new CompiledProfile(profile), asOf, calendar),
                options with { Runs = runs, Progress = progress })));

        return CommandLineApp.Finish(report, formats.Write(report, outputDirectory, runs.Rendered), failOn);
    }

    /// <summary>
    /// On Ctrl+C or a scheduler's SIGTERM the process ends without unwinding, so the spilled runs
    /// (case data) are removed here; the process then ends as the signal asks.
    /// </summary>
    private static void Remove(SpilledRuns runs) => runs.Dispose();
}
