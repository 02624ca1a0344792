using ComplianceRules.Cli.Tests;

namespace ComplianceRules.Harness.Tests;

/// <summary>Nothing to run is a usage error (exit 2), never "0 passed, 0 failed".</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly Scratch scratch = new();

    [Fact]
    public void A_folder_without_fixtures_is_a_usage_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(scratch.Root, "empty")).FullName;

        var (exitCode, _, error) = Compliance.Run("test", empty);

        exitCode.ShouldBe(2);
        error.ShouldContain($"no fixtures found in {empty}");
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        var absent = Path.Combine(scratch.Root, "no-such-folder");

        var (exitCode, _, error) = Compliance.Run("test", absent);

        exitCode.ShouldBe(2);
        error.ShouldContain($"no such fixture file or directory: {absent}");
    }

    public void Dispose() => scratch.Dispose();
}
