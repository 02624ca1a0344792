using System.CommandLine;
using System.Globalization;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Diffing;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Profile = ComplianceRules.Findings.Profiles.Profile;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// <c>compliance diff &lt;inputs...&gt; --profile A.json --against B.json</c> (or a previous run's
/// findings.json, or its output folder): the findings only under A, only under B and those whose
/// severity changed, grouped by rule and team. Exits 1 when there are differences, as diff(1) does.
/// </summary>
public static class DiffCommand
{
    public const int Differences = 1;

    public static Command Create()
    {
        var inputs = CommandLineApp.InputsArgument();
        var profile = new Option<string?>("--profile") { Description = "Profile A (JSON); default: the shipped defaults" };
        var against = new Option<string>("--against")
        {
            Description = "B: another profile, or a previous run's findings.json (or the folder holding it)",
            Required = true,
        };
        var asOf = CommandLineApp.AsOfOption("the previous run's asOf against a findings.json, else today, UK time");
        var output = new Option<string?>("--out") { Description = "Also write the differences as JSON to this file (readable only by you)" };

        var command = new Command(
            "diff",
            "Evaluate the cases under profile A and compare with B (another profile, evaluated in the same pass, " +
            "or a previous findings.json): findings only under A, only under B, and changed severity, matched by fingerprint. " +
            "Exit 0 when they agree, 1 when they differ, 2 on a usage or profile error.")
        {
            inputs, profile, against, asOf, output,
        };
        command.SetAction(parsed =>
        {
            var cases = parsed.GetValue(inputs)!;
            var profileA = CommandLineApp.LoadProfile(parsed.GetValue(profile));
            var diff = CommandLineApp.UsageErrorsFrom(() => Run(cases, profileA, parsed.GetValue(against)!, parsed.GetValue(asOf)));
            Write(diff, Console.Out);
            if (parsed.GetValue(output) is { } path)
            {
                OwnerOnlyFile.Write(path, writer => DiffJson.Write(writer, diff));
                Console.Error.WriteLine($"compliance: differences written to {path}");
            }

            return diff.HasDifferences ? Differences : ExitCodes.Done;
        });
        return command;
    }

    private static FindingsDiff Run(string[] inputs, Profile profileA, string against, DateOnly? asOf)
    {
        var cases = inputs.SelectMany(new CaseFileReader { DeferParsing = true }.Read);
        var previous = Directory.Exists(against) ? Path.Combine(against, FindingsJson.FileName) : against;
        if (Directory.Exists(against) && !File.Exists(previous))
        {
            throw new UsageException($"--against: {against} is a folder without a {FindingsJson.FileName}");
        }

        if (File.Exists(previous) && FindingsJsonReader.IsFindingsJson(previous))
        {
            var (header, findings) = FindingsJsonReader.Open(previous);
            var date = asOf ?? header.AsOf;
            if (date != header.AsOf)
            {
                Console.Error.WriteLine($"compliance: note: {previous} is as of {header.AsOf:yyyy-MM-dd}, this run as of {date:yyyy-MM-dd}: some differences are time passing, not the profile");
            }

            try
            {
                return FindingsDiff.Against(
                    cases,
                    EvaluatorOf(profileA, date),
                    FindingsJsonReader.ReadFingerprints(previous),
                    findings,
                    new DiffSide(DiffSide.FindingsKind, previous, null, header.AsOf));
            }
            catch (JsonReaderException error)
            {
                // The case reader turns broken case JSON into rejected cases, so this is the previous run's file.
                throw new UsageException($"{previous}: not a complete findings.json: {error.Message}");
            }
        }

        var today = asOf ?? CommandLineApp.TodayInUk();
        return FindingsDiff.Between(cases, EvaluatorOf(profileA, today), EvaluatorOf(CommandLineApp.LoadProfile(against), today));
    }

    private static Evaluator EvaluatorOf(Profile profile, DateOnly asOf) =>
        new(new CompiledProfile(profile), asOf, profile.LoadCalendar());

    private static void Write(FindingsDiff diff, TextWriter output)
    {
        output.WriteLine($"A: {Describe(diff.A)}, {Phrases.Count(diff.FindingsUnderA, "finding")}");
        output.WriteLine($"B: {Describe(diff.B)}, {Phrases.Count(diff.FindingsUnderB, "finding")}");
        output.WriteLine(
            $"{Phrases.Count(diff.Cases.Read, "case")} read, {diff.Cases.Evaluated} evaluated, {diff.Cases.Rejected} rejected: " +
            $"{Number(diff.OnlyA)} only under A, {Number(diff.OnlyB)} only under B, {Number(diff.SeverityChanged)} changed severity");
        if (!diff.HasDifferences)
        {
            return;
        }

        var groups = new ResultTable("rule", "team", "only under A", "only under B", "changed severity");
        var details = new ResultTable("rule", "team", "case", "subject", "status", "due", "A", "B");
        foreach (var group in diff.Groups)
        {
            var team = group.Team ?? "(no team)";
            groups.AddRow(group.RuleId, team, Number(group.OnlyA.Count), Number(group.OnlyB.Count), Number(group.SeverityChanged.Count));
            foreach (var finding in group.OnlyA)
            {
                details.AddRow(Cells(group.RuleId, team, finding, Name(finding.Severity), "-"));
            }

            foreach (var finding in group.OnlyB)
            {
                details.AddRow(Cells(group.RuleId, team, finding, "-", Name(finding.Severity)));
            }

            foreach (var change in group.SeverityChanged)
            {
                details.AddRow(Cells(group.RuleId, team, change.UnderA, Name(change.UnderA.Severity), Name(change.SeverityB)));
            }
        }

        groups.Write(output);
        output.WriteLine();
        details.Write(output);
    }

    private static string[] Cells(string ruleId, string team, Finding finding, string underA, string underB) =>
    [
        ruleId, team, finding.Result.CaseId ?? "-", finding.Result.SubjectId ?? "-",
        finding.Result.Status.ToString().ToLowerInvariant(),
        finding.Result.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
        underA, underB,
    ];

    private static string Describe(DiffSide side) => side.Kind == DiffSide.FindingsKind
        ? $"findings of {side.Path} (as of {side.AsOf:yyyy-MM-dd})"
        : $"{(side.Path is null ? "the shipped defaults" : $"profile {side.Path}")} as of {side.AsOf:yyyy-MM-dd}";

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);
}
