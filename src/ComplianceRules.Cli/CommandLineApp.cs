using System.CommandLine;
using System.Globalization;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli;

/// <summary>cli.md's exit codes, and the parsing every command shares.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int FindingsAtOrAboveFailOn = 1;

    /// <summary><c>compliance test</c>: a fixture failed, or coverage is below <c>--min-coverage</c>.</summary>
    public const int FixturesFailed = 1;
    public const int UsageOrConfigurationError = 2;
}

/// <summary>Thrown for a usage, profile or calendar problem: the message says what and where; the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

public static class CommandLineApp
{
    /// <summary>Runs the command line; parse errors and <see cref="UsageException"/>s exit 2 with their message on stderr.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"compliance: {error.Message}");
            }

            return ExitCodes.UsageOrConfigurationError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"compliance: {error.Message}");
            return ExitCodes.UsageOrConfigurationError;
        }
    }

    /// <summary>The case files or directories a command evaluates.</summary>
    public static Argument<string[]> InputsArgument() =>
        new("inputs") { Description = "Case files or directories of case files", Arity = ArgumentArity.OneOrMore };

    /// <summary><c>--as-of YYYY-MM-DD</c>: the evaluation date D.</summary>
    public static Option<DateOnly?> AsOfOption(string defaultIs = "today, UK time") =>
        DateOption("--as-of", $"The evaluation date D, YYYY-MM-DD (default: {defaultIs})");

    /// <summary>An ISO date option (<c>YYYY-MM-DD</c>), strictly.</summary>
    public static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} expects a date as YYYY-MM-DD, not '{text}'.");
            return null;
        },
    };

    /// <summary><c>--profile FILE</c>: thresholds, severities and suppressions (cli.md "Profile").</summary>
    public static Option<string?> ProfileOption() => new("--profile")
    {
        Description = "A profile (JSON): thresholds, severities and suppressions; default: the shipped defaults (profiles/default.json)",
    };

    /// <summary>The profile at <paramref name="path"/>, or the shipped defaults; a mistake in it is a usage error (exit 2).</summary>
    public static Profile LoadProfile(string? path)
    {
        try
        {
            return path is null ? Profile.Default : ProfileReader.Load(path);
        }
        catch (ProfileException error)
        {
            throw new UsageException(error.Message);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/>, turning a calendar that cannot serve the as-of date, or an
    /// input that cannot be read (a missing path, a broken findings.json), into a usage error: exit 2, nothing written.
    /// </summary>
    public static T UsageErrorsFrom<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception error) when (error is CalendarException or InputException or InvalidDataException)
        {
            throw new UsageException(error.Message);
        }
    }

    /// <summary><c>--docs-base-uri URI</c>: where the repository's docs/ are published, for rule links in SARIF and HTML.</summary>
    public static Option<Uri> DocsBaseOption() => new("--docs-base-uri")
    {
        Description = $"Where the repository's docs/ folder is published; rule links resolve docs/rules/CSCxxxx.md against it (default {ToolInfo.DocsBase})",
        DefaultValueFactory = _ => ToolInfo.DocsBase,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"--docs-base-uri expects an absolute URI, not '{text}'.");
            return ToolInfo.DocsBase;
        },
    };

    /// <summary><c>--out DIR</c>: where outputs go.</summary>
    public static Option<string> OutOption() => new("--out")
    {
        Description = "Where outputs go (created if missing)",
        DefaultValueFactory = _ => "compliance-out",
    };

    /// <summary><c>--fail-on SEVERITY</c>: which findings make the exit code 1.</summary>
    public static Option<Severity> FailOnOption() => new("--fail-on")
    {
        Description = "Exit 1 when an unsuppressed finding at or above this severity exists: error, warning, info or none",
        DefaultValueFactory = _ => Severity.Error,
    };

    /// <summary>Says on stderr what was written, and gives cli.md's exit code for <paramref name="failOn"/>.</summary>
    public static int Finish(CheckReport report, IReadOnlyList<string> written, Severity failOn)
    {
        var summary = report.Summary;
        Console.Error.WriteLine(
            $"compliance: {Phrases.Count(summary.CasesRead, "case")} read, {summary.CasesEvaluated} evaluated, {summary.CasesRejected} rejected; " +
            $"{Phrases.Count(summary.Findings, "finding")} ({summary.Suppressed} suppressed) written to {string.Join(", ", written)}");

        return summary.HasUnsuppressedAtOrAbove(failOn) ? ExitCodes.FindingsAtOrAboveFailOn : ExitCodes.Done;
    }

    /// <summary>Today in UK time: the default evaluation date.</summary>
    public static DateOnly TodayInUk()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, london));
    }
}
