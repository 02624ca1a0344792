using System.CommandLine;
using System.Globalization;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Tuning;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// <c>compliance tune &lt;inputs...&gt; --rule ID --param NAME --values a,b,c</c>: what each value
/// of one threshold would report, against the current profile, from one read of the input.
/// </summary>
public static class TuneCommand
{
    public static Command Create()
    {
        var inputs = CommandLineApp.InputsArgument();
        var rule = new Option<string>("--rule") { Description = "The rule whose parameter is tuned, e.g. CSC1001", Required = true };
        var parameter = new Option<string>("--param") { Description = "The parameter, e.g. visit_interval_working_days (see `compliance rules`)", Required = true };
        var values = new Option<string>("--values") { Description = "The values to try, comma-separated, e.g. 10,15,20", Required = true };
        var profile = CommandLineApp.ProfileOption();
        var asOf = CommandLineApp.AsOfOption();
        var team = new Option<string?>("--team") { Description = "Try the values in this team's entry of the profile (created if it has none), not the rule's" };
        var output = new Option<string?>("--out") { Description = "Also write the table as JSON to this file (readable only by you)" };

        var command = new Command(
            "tune",
            "Evaluate the cases once per value of one rule parameter and compare each with the current profile: " +
            "the rule's findings, the cases they are on, and the findings added and removed (matched by fingerprint). " +
            "The input is read once. Exit 0 when done, 2 on a usage or profile error.")
        {
            inputs, rule, parameter, values, profile, asOf, team, output,
        };
        command.SetAction(parsed =>
        {
            var loaded = CommandLineApp.LoadProfile(parsed.GetValue(profile));
            var request = Request(parsed.GetValue(rule)!, parsed.GetValue(parameter)!, parsed.GetValue(values)!, parsed.GetValue(team));
            var date = parsed.GetValue(asOf) ?? CommandLineApp.TodayInUk();
            var result = CommandLineApp.UsageErrorsFrom(() => ThresholdTuning.Run(
                parsed.GetValue(inputs)!.SelectMany(new CaseFileReader { DeferParsing = true }.Read), loaded, request, date, loaded.LoadCalendar()));
            Write(result, Console.Out);
            if (parsed.GetValue(output) is { } path)
            {
                OwnerOnlyFile.Write(path, writer => TuningJson.Write(writer, result));
                Console.Error.WriteLine($"compliance: tuning table written to {path}");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>The rule, parameter and values as the catalogue types them; a wrong one is a usage error with a "did you mean".</summary>
    private static TuningRequest Request(string ruleId, string parameterName, string values, string? team)
    {
        var catalog = RuleCatalog.Default;
        var rule = catalog.Find(ruleId) ?? throw new UsageException($"--rule: {NameSuggestions.UnknownRule(ruleId, catalog)}");
        var parameter = rule.Parameters.FirstOrDefault(p => p.Name == parameterName)
            ?? throw new UsageException($"--param: {NameSuggestions.UnknownParameter(parameterName, rule)}");
        var texts = values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (texts.Length == 0)
        {
            throw new UsageException("--values: give at least one value, e.g. --values 10,15,20");
        }

        var typed = texts.Select(text =>
        {
            try
            {
                return ProfileReader.ParameterValue(rule, parameter, text);
            }
            catch (FormatException error)
            {
                throw new UsageException($"--values: {error.Message}");
            }
        }).ToArray();
        return new TuningRequest(rule, parameter, typed, team);
    }

    private static void Write(TuningResult result, TextWriter output)
    {
        var request = result.Request;
        var scope = request.Team is null ? "" : $" for team `{request.Team}`";
        output.WriteLine(
            $"{request.Rule.Id} {request.Parameter.Name}{scope} (currently {CatalogIndex.Format(result.CurrentValue)}), as of {result.AsOf:yyyy-MM-dd}: " +
            $"{Phrases.Count(result.Cases.Read, "case")} read, {result.Cases.Evaluated} evaluated, {result.Cases.Rejected} rejected");

        var table = new ResultTable("value", "findings", "cases affected", "added", "removed", "cases changed");
        foreach (var row in result.Rows)
        {
            table.AddRow(
                CatalogIndex.Format(row.Value) + (row.IsCurrent ? " (current)" : ""),
                Number(row.Findings),
                Number(row.CasesAffected),
                $"+{Number(row.Added)}",
                $"-{Number(row.Removed)}",
                Number(row.CasesChanged));
        }

        table.Write(output);
        foreach (var team in result.TeamsWithTheirOwnValue)
        {
            Console.Error.WriteLine($"compliance: note: team `{team}` sets {request.Parameter.Name} itself, so its cases keep their own value; add --team to tune it");
        }

        if (new EffectiveSettings(result.Profile, request.Team).SeverityOf(request.Rule) == Severity.None)
        {
            Console.Error.WriteLine($"compliance: note: the profile switches {request.Rule.Id} off (severity none){scope}, so it reports nothing under any value");
        }

        if (result.CasesOfTeam == 0)
        {
            Console.Error.WriteLine($"compliance: note: no case read is of team `{request.Team}`, so no value could change anything");
        }
    }

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);
}
