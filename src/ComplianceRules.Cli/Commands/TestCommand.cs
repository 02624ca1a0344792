using System.CommandLine;
using System.Globalization;
using ComplianceRules.Harness;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// <c>compliance test [paths...]</c>: runs rule fixtures (cli.md), prints each failure (side by
/// side, paste-back JSON, timeline) and ends with <c>N passed, N failed</c>; exit 1 when any
/// failed or, with <c>--min-coverage</c>, when rule coverage is below it.
/// </summary>
public static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Fixture files or directories of fixtures (default fixtures/)",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["fixtures/"],
        };
        var coverage = new Option<bool>("--coverage") { Description = "Print, per rule, how many fixtures exercise it and which of its statuses a passing fixture expects" };
        var minCoverage = new Option<double?>("--min-coverage")
        {
            Description = "Exit 1 when covered (rule, status) pairs are below this share of the declared ones, in percent (implies --coverage)",
        };
        minCoverage.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is < 0 or > 100)
            {
                result.AddError("--min-coverage expects a percentage from 0 to 100.");
            }
        });

        var command = new Command("test", "Run rule fixtures: each must report exactly the findings it expects") { paths, coverage, minCoverage };
        command.SetAction(parsed => Run(parsed.GetValue(paths)!, parsed.GetValue(coverage), parsed.GetValue(minCoverage), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string[] paths, bool coverage, double? minCoverage, TextWriter output, TextWriter error)
    {
        if (paths.FirstOrDefault(path => !File.Exists(path) && !Directory.Exists(path)) is { } absent)
        {
            throw new UsageException($"no such fixture file or directory: {absent}");
        }

        var files = Fixture.Find(paths).ToArray();
        if (files.Length == 0)
        {
            throw new UsageException($"no fixtures found in {string.Join(", ", paths)}");
        }

        var runner = new FixtureRunner();
        var outcomes = files.AsParallel().AsOrdered().Select(runner.RunFile).ToArray();
        foreach (var failed in outcomes.Where(o => !o.Passed))
        {
            output.WriteLine(FixtureReport.Describe(failed));
        }

        var belowMinimum = false;
        if (coverage || minCoverage is not null)
        {
            var measured = RuleCoverage.Of(outcomes, RuleCatalog.Default);
            output.Write(measured.Render());
            if (measured.Percent < minCoverage)
            {
                belowMinimum = true;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"compliance: rule coverage {measured.Percent:0.0}% is below --min-coverage {minCoverage}%"));
            }
        }

        var failedCount = outcomes.Count(o => !o.Passed);
        output.WriteLine($"{outcomes.Length - failedCount} passed, {failedCount} failed");
        return failedCount > 0 || belowMinimum ? ExitCodes.FixturesFailed : ExitCodes.Done;
    }
}
