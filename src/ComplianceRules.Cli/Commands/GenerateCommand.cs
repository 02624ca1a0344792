using System.CommandLine;
using System.Text;
using ComplianceRules.Generator;
using ComplianceRules.Outputs;

namespace ComplianceRules.Cli.Commands;

/// <summary><c>compliance generate --cases N --seed S --as-of D [--out FILE]</c>: synthetic case files as NDJSON, for benchmarks and demos.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "How many case files to generate", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed, count and date give byte-identical output", Required = true };
        var asOf = CommandLineApp.DateOption("--as-of", "The date D the histories run up to, YYYY-MM-DD");
        asOf.Required = true;
        var output = new Option<string?>("--out") { Description = "The NDJSON file to write (readable only by you); default: standard output" };
        cases.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--cases expects a count of 0 or more.");
            }
        });

        var command = new Command("generate", "Generate made-up case files with the proportions of a real caseload, one per line (NDJSON)")
        {
            cases, seed, asOf, output,
        };
        command.SetAction(parsed => Run(parsed.GetValue(cases), parsed.GetValue(seed), parsed.GetValue(asOf)!.Value, parsed.GetValue(output)));
        return command;
    }

    private static int Run(int cases, int seed, DateOnly asOf, string? outputFile)
    {
        var generator = new CaseGenerator(seed, asOf);
        if (outputFile is null)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            generator.Write(stdout, cases);
        }
        else
        {
            OwnerOnlyFile.Write(outputFile, writer => generator.Write(writer, cases));
        }

        return ExitCodes.Done;
    }
}
