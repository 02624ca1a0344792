using ComplianceRules.Generator;

namespace ComplianceRules.Cli.Tests.Commands;

/// <summary><c>compliance generate</c>: made-up case files as NDJSON, owner-only, the same for the same seed.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly Scratch scratch = new();

    [Fact]
    public void Writes_the_generators_cases_to_an_owner_only_file()
    {
        var path = Path.Combine(scratch.Root, "cases.ndjson");

        var (exitCode, _, _) = Cli.Run("generate", "--cases", "25", "--seed", "7", "--as-of", "2026-11-20", "--out", path);

        exitCode.ShouldBe(0);
        var expected = new StringWriter();
        new CaseGenerator(7, new DateOnly(2026, 11, 20)).Write(expected, 25);
        File.ReadAllText(path).ShouldBe(expected.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_negative_count_is_a_usage_error()
    {
        var (exitCode, _, error) = Cli.Run("generate", "--cases", "-1", "--seed", "7", "--as-of", "2026-11-20");

        exitCode.ShouldBe(2);
        error.ShouldContain("--cases");
    }

    [Fact]
    public void The_seed_is_required()
    {
        var (exitCode, _, error) = Cli.Run("generate", "--cases", "1", "--as-of", "2026-11-20");

        exitCode.ShouldBe(2);
        error.ShouldContain("--seed");
    }

    public void Dispose() => scratch.Dispose();
}
