using ComplianceRules.Cli.Tests;

namespace ComplianceRules.Harness.Tests;

/// <summary><c>compliance test</c> on the repository's own fixtures: all pass, and every status every rule declares is covered.</summary>
public sealed class RepositoryFixturesTests
{
    [Fact]
    public void Compliance_test_fixtures_passes_on_the_repository()
    {
        var fixtures = Harness.Fixture.Find([Repository.Path("fixtures")]).Count();

        var (exitCode, output, _) = Compliance.Run("test", Repository.Path("fixtures"));

        exitCode.ShouldBe(0, output);
        output.ShouldBe($"{fixtures} passed, 0 failed\n");
    }

    [Fact]
    public void Coverage_of_the_repository_fixtures_meets_the_ci_threshold()
    {
        var (exitCode, output, error) = Compliance.Run("test", Repository.Path("fixtures"), "--min-coverage", "100");

        exitCode.ShouldBe(0, error);
        // Fixture counts grow; the statuses a rule declares do not change with them.
        output.ShouldMatch(@"\nCSC1001 +\d+  yes      yes      yes      -\n");
        output.ShouldMatch(@"\nCSC3001 +\d+  -        yes      -        -\n");
        output.ShouldContain("(rule, status) pairs covered (100.0%)");
    }
}
