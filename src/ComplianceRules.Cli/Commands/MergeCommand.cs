using System.CommandLine;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// <c>compliance merge &lt;shards...&gt;</c>: combines the outputs of <c>check --shard i/n</c>
/// (i = 1..n) into the outputs one unsharded check would have written.
/// </summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("shards")
        {
            Description = "Each shard's output folder or its findings.json, one per shard, in any order",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = CommandLineApp.OutOption();
        var formats = OutputFormats.Option();
        var docsBase = CommandLineApp.DocsBaseOption();
        var failOn = CommandLineApp.FailOnOption();

        var command = new Command("merge", "Merge the shards of one check (check --shard i/n) into one findings.json (and SARIF, HTML when asked), as an unsharded check writes it")
        {
            inputs, output, formats, docsBase, failOn,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(inputs)!,
            parsed.GetValue(output)!,
            new OutputFormats(parsed.GetValue(formats)!, parsed.GetValue(docsBase)!),
            parsed.GetValue(failOn)));
        return command;
    }

    private static int Run(string[] inputs, string outputDirectory, OutputFormats formats, Severity failOn)
    {
        var paths = inputs.Select(input => Directory.Exists(input) ? Path.Combine(input, FindingsJson.FileName) : input).ToList();
        try
        {
            var report = ShardMerge.Merge(paths);
            return CommandLineApp.Finish(report, formats.Write(report, outputDirectory), failOn);
        }
        catch (ShardMergeException error)
        {
            throw new UsageException(error.Message);
        }
    }
}
