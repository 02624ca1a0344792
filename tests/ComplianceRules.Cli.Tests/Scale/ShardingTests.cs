using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Outputs;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary><c>check --shard i/n</c> and <c>compliance merge</c>: the shards together are the unsharded run.</summary>
[Collection(ScaleTests.Name)]
public sealed class ShardingTests(ScaleInput input)
{
    private static readonly string[] Outputs = [FindingsJson.FileName, SarifLog.FileName, HtmlReport.FileName];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Shards_merged_equal_the_unsharded_run_byte_for_byte(int count)
    {
        var whole = input.Check();
        var shards = Enumerable.Range(1, count).Select(i => input.Check("--shard", $"{i}/{count}")).ToList();
        var merged = input.NewFolder();

        // Shards in reverse order, the first named by its findings.json: the order given does not matter.
        string[] named = [Path.Combine(shards[^1], FindingsJson.FileName), .. shards.SkipLast(1).Reverse()];
        var (exitCode, _, error) = Cli.Run(["merge", .. named, "--out", merged, "--format", "json,sarif,html", "--fail-on", "none"]);

        exitCode.ShouldBe(0, error);
        error.ShouldContain($"{ScaleInput.CasesRead} cases read, {ScaleInput.CasesEvaluated} evaluated, {ScaleInput.CasesRejected} rejected");
        foreach (var name in Outputs)
        {
            File.ReadAllBytes(Path.Combine(merged, name)).ShouldBe(File.ReadAllBytes(Path.Combine(whole, name)), name);
        }
    }

    [Fact]
    public void Every_case_is_in_exactly_one_shard()
    {
        var counts = Enumerable.Range(1, 3)
            .Select(i => FindingsJsonReader.Open(Path.Combine(input.Check("--shard", $"{i}/3"), FindingsJson.FileName)).Header)
            .ToList();

        counts.Sum(h => h.CasesEvaluated).ShouldBe(ScaleInput.CasesEvaluated);
        counts.Sum(h => h.CasesRejected).ShouldBe(ScaleInput.CasesRejected);
        counts.ShouldAllBe(h => h.CasesEvaluated > 0);
    }

    [Theory]
    // Worked out with Python's hashlib: the first 8 bytes of SHA-256 over the caseId, big-endian.
    // C100234 -> 7cf494c721f35b0d, C20001 -> a18f7265f4e747d7, X0007 -> 8b21303cca4db6f8.
    [InlineData("C100234", 2, 1, 1)]
    [InlineData("C20001", 2, 3, 1)]
    [InlineData("X0007", 1, 3, 5)]
    public void The_shard_of_a_case_is_its_caseId_hash_modulo_n_plus_1(string caseId, int ofTwo, int ofThree, int ofFive)
    {
        (Shard.Of(caseId, 2), Shard.Of(caseId, 3), Shard.Of(caseId, 5)).ShouldBe((ofTwo, ofThree, ofFive));
    }

    [Fact]
    public void A_rejected_case_without_a_caseId_belongs_to_shard_1()
    {
        var rejected = new RejectedCase(new CaseSource("cases.ndjson", 7), 7, CaseId: null, "$", "not JSON");

        new Shard(1, 3).Owns(rejected).ShouldBeTrue();
        new Shard(2, 3).Owns(rejected).ShouldBeFalse();
        new Shard(3, 3).Owns(rejected).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void A_shard_that_is_not_i_of_n_is_a_usage_error(string shard)
    {
        var (exitCode, _, error) = Cli.Run(["check", .. input.Inputs, "--shard", shard, "--out", input.NewFolder()]);

        exitCode.ShouldBe(2);
        error.ShouldContain($"--shard expects i/n with 1 <= i <= n (e.g. 2/3), not '{shard}'.");
    }

    [Fact]
    public void Merge_refuses_a_missing_shard()
    {
        var (exitCode, error) = Merge(input.Check("--shard", "1/3"), input.Check("--shard", "3/3"));

        exitCode.ShouldBe(2);
        error.ShouldContain("shard 2/3 missing: every shard of the run is needed");
    }

    [Fact]
    public void Merge_refuses_a_shard_given_twice()
    {
        var first = input.Check("--shard", "1/2");

        var (exitCode, error) = Merge(first, input.Check("--shard", "2/2"), first);

        exitCode.ShouldBe(2);
        error.ShouldContain("shard 1/2 is given twice");
    }

    [Fact]
    public void Merge_refuses_shards_of_different_dates()
    {
        var other = input.NewFolder();
        Cli.Run(["check", .. input.Inputs, "--as-of", "2026-11-19", "--out", other, "--shard", "2/2", "--fail-on", "none"]).ExitCode.ShouldBe(0);

        var (exitCode, error) = Merge(input.Check("--shard", "1/2"), other);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{Path.Combine(other, FindingsJson.FileName)}: asOf 2026-11-19 differs from");
    }

    [Fact]
    public void Merge_refuses_shards_of_different_profiles()
    {
        var profile = input.Scratch.Write("profile.json", """{ "rules": { "CSC1001": { "severity": "error" } } }""");
        var other = input.Check("--shard", "2/2", "--profile", profile);

        var (exitCode, error) = Merge(input.Check("--shard", "1/2"), other);

        exitCode.ShouldBe(2);
        error.ShouldContain("profile SHA-256");
        error.ShouldContain("(shipped defaults): shards of different runs");
    }

    [Fact]
    public void Merge_refuses_shards_of_another_tool_version()
    {
        var other = input.NewFolder();
        Directory.CreateDirectory(other);
        var file = Path.Combine(other, FindingsJson.FileName);
        File.WriteAllText(file, File.ReadAllText(Path.Combine(input.Check("--shard", "2/2"), FindingsJson.FileName)).Replace($"\"version\": \"{ToolInfo.Version}\"", "\"version\": \"0.9.0\"", StringComparison.Ordinal));

        var (exitCode, error) = Merge(input.Check("--shard", "1/2"), other);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{file}: written by ComplianceRules 0.9.0, but this is {ToolInfo.Version}");
    }

    [Fact]
    public void Merge_refuses_a_truncated_shard_naming_it()
    {
        var other = input.NewFolder();
        Directory.CreateDirectory(other);
        var file = Path.Combine(other, FindingsJson.FileName);
        var whole = File.ReadAllText(Path.Combine(input.Check("--shard", "2/2"), FindingsJson.FileName));
        File.WriteAllText(file, whole[..(whole.Length * 2 / 3)]);

        var (exitCode, error) = Merge(input.Check("--shard", "1/2"), other);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{file}: cannot be read as a findings.json: ");
    }

    [Fact]
    public void Merge_refuses_an_unsharded_findings_json()
    {
        var (exitCode, error) = Merge(input.Check());

        exitCode.ShouldBe(2);
        error.ShouldContain("not a shard's output");
    }

    private (int ExitCode, string Error) Merge(params string[] shards)
    {
        var output = input.NewFolder();
        var (exitCode, _, error) = Cli.Run(["merge", .. shards, "--out", output]);
        File.Exists(Path.Combine(output, FindingsJson.FileName)).ShouldBe(exitCode != 2);
        return (exitCode, error);
    }
}
