using System.CommandLine;
using ComplianceRules.Facts.Calendar;
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
        var output = new Option<string>("--out") { Description = "Where outputs go (created if missing)", DefaultValueFactory = _ => "compliance-out" };
        var formats = OutputFormats.Option();
        var docsBase = CommandLineApp.DocsBaseOption();
        var failOn = new Option<Severity>("--fail-on")
        {
            Description = "Exit 1 when an unsuppressed finding at or above this severity exists: error, warning, info or none",
            DefaultValueFactory = _ => Severity.Error,
        };

        var command = new Command("check", "Evaluate every case file found in the inputs and write findings.json (and SARIF, HTML when asked)")
        {
            inputs, asOf, profile, output, formats, docsBase, failOn,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(inputs)!,
            parsed.GetValue(asOf) ?? CommandLineApp.TodayInUk(),
            CommandLineApp.LoadProfile(parsed.GetValue(profile)),
            parsed.GetValue(output)!,
            new OutputFormats(parsed.GetValue(formats)!, parsed.GetValue(docsBase)!),
            parsed.GetValue(failOn)));
        return command;
    }

    private static int Run(string[] inputs, DateOnly asOf, Profile profile, string outputDirectory, OutputFormats formats, Severity failOn)
    {
        CheckReport report;
        try
        {
            var calendar = profile.HolidaysPath is { } holidays ? WorkingDayCalendar.Load(holidays) : WorkingDayCalendar.Default;
            var evaluator = new Evaluator(new CompiledProfile(profile), asOf, calendar);
            report = Check.Run(inputs.SelectMany(new CaseFileReader().Read), evaluator);
        }
        catch (Exception error) when (error is CalendarException or InputException)
        {
            throw new UsageException(error.Message);
        }

        var written = formats.Write(report, outputDirectory);
        var summary = report.Summary;
        Console.Error.WriteLine(
            $"compliance: {Phrases.Count(summary.CasesRead, "case")} read, {summary.CasesEvaluated} evaluated, {summary.CasesRejected} rejected; " +
            $"{Phrases.Count(summary.Findings, "finding")} ({summary.Suppressed} suppressed) written to {string.Join(", ", written)}");

        return summary.HasUnsuppressedAtOrAbove(failOn) ? ExitCodes.FindingsAtOrAboveFailOn : ExitCodes.Done;
    }
}
