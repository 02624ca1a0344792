using System.CommandLine;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Spectre.Console;
using Profile = ComplianceRules.Findings.Profiles.Profile;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// <c>compliance rules</c>: the catalogue with each rule's effective severity and parameters
/// under a profile (and a team), as a table, JSON, the catalogue index (markdown) or a complete
/// profile to copy and edit.
/// </summary>
public static class RulesCommand
{
    private static readonly string[] Formats = ["table", "json", "markdown", "profile"];

    public static Command Create()
    {
        var profile = CommandLineApp.ProfileOption();
        var team = new Option<string?>("--team") { Description = "Show the settings for cases of this team (the profile's `teams` entry)" };
        var format = new Option<string>("--format")
        {
            Description = "table, json, markdown (docs/rules/README.md) or profile (profiles/default.json)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(Formats);

        var command = new Command("rules", "List the rules with their effective severity and parameters under a profile") { profile, team, format };
        command.SetAction(parsed => Run(CommandLineApp.LoadProfile(parsed.GetValue(profile)), parsed.GetValue(team), parsed.GetValue(format)!, Console.Out));
        return command;
    }

    private static int Run(Profile profile, string? team, string format, TextWriter output)
    {
        if (team is not null && !profile.Teams.ContainsKey(team))
        {
            throw new UsageException($"--team: the profile has no team `{team}`");
        }

        var catalog = RuleCatalog.Default;
        var settings = new EffectiveSettings(profile, team);
        switch (format)
        {
            case "json":
                WriteJson(output, catalog, settings);
                break;
            case "markdown":
                output.Write(CatalogIndex.Render(catalog));
                break;
            case "profile":
                output.Write(ProfileTemplate.Render(catalog, profile, settings));
                break;
            default:
                WriteTable(catalog, settings);
                break;
        }

        return ExitCodes.Done;
    }

    private static void WriteTable(RuleCatalog catalog, EffectiveSettings settings)
    {
        var table = new Table().AddColumns("ID", "Title", "Category", "Severity", "Default", "Parameters");
        foreach (var rule in catalog.Descriptors)
        {
            var severity = settings.SeverityOf(rule);
            var parameters = rule.Parameters.Select(p =>
            {
                var value = settings.ValueOf(rule, p);
                var changed = Equals(value, p.DefaultValue) ? "" : $" (default {CatalogIndex.Format(p.DefaultValue)})";
                return $"{p.Name} = {CatalogIndex.Format(value)}{changed}";
            });
            table.AddRow(
                rule.Id,
                Markup.Escape(rule.Title),
                rule.Category.ToString(),
                Markup.Escape(Name(severity)),
                Name(rule.DefaultSeverity),
                Markup.Escape(string.Join("\n", parameters)));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteJson(TextWriter output, RuleCatalog catalog, EffectiveSettings settings)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartArray();
        foreach (var rule in catalog.Descriptors)
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            json.WriteValue(rule.Id);
            json.WritePropertyName("title");
            json.WriteValue(rule.Title);
            json.WritePropertyName("category");
            json.WriteValue(rule.Category.ToString());
            json.WritePropertyName("severity");
            json.WriteValue(Name(settings.SeverityOf(rule)));
            json.WritePropertyName("defaultSeverity");
            json.WriteValue(Name(rule.DefaultSeverity));
            json.WritePropertyName("helpPath");
            json.WriteValue(rule.HelpPath);
            json.WritePropertyName("parameters");
            json.WriteStartArray();
            foreach (var parameter in rule.Parameters)
            {
                json.WriteStartObject();
                json.WritePropertyName("name");
                json.WriteValue(parameter.Name);
                json.WritePropertyName("value");
                json.WriteValue(settings.ValueOf(rule, parameter));
                json.WritePropertyName("default");
                json.WriteValue(parameter.DefaultValue);
                json.WritePropertyName("description");
                json.WriteValue(parameter.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteLine();
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
