using ComplianceRules.Cli.Tests;

namespace ComplianceRules.Harness.Tests;

/// <summary>
/// <c>--coverage</c> and <c>--min-coverage</c> on a folder of one fixture. CSC1001 declares late,
/// overdue and missed; the fixture expects only `late`, so CSC1001 covers 1 of its 3 pairs.
/// </summary>
public sealed class CoverageTests : IDisposable
{
    private readonly Scratch scratch = new();

    public CoverageTests() => scratch.Write("fixtures/late.json", """
        { "description": "wd(2026-01-28, 10) = 2026-02-10; the visit of 2026-02-11 is late", "asOf": "2026-02-20", "rules": ["CSC1001"],
          "cases": [ { "caseId": "C1", "cpPlans": [ { "id": "CPP1", "start": "2026-01-28" } ], "visits": [ { "date": "2026-02-11" } ] } ],
          "expect": [ { "ruleId": "CSC1001", "caseId": "C1", "status": "late", "dueDate": "2026-02-10" } ] }
        """);

    [Fact]
    public void Coverage_lists_per_rule_its_fixtures_and_which_declared_statuses_are_expected()
    {
        var (exitCode, output, _) = Test("--coverage");

        exitCode.ShouldBe(0);
        output.ShouldContain("rule     fixtures  late     overdue  missed   present\n");
        output.ShouldContain("\nCSC1001         1  yes      NO       NO       -\n");
        output.ShouldContain("\nCSC1002         0  -        -        -        NO\n");
        // 67 (rule, status) pairs are declared across the catalogue; this fixture covers one.
        output.ShouldContain("coverage: 1 of 67 (rule, status) pairs covered (1.5%)\n");
        output.ShouldEndWith("1 passed, 0 failed\n");
    }

    [Fact]
    public void Coverage_below_the_minimum_exits_1_though_every_fixture_passed()
    {
        var (exitCode, output, error) = Test("--min-coverage", "2");

        exitCode.ShouldBe(1);
        error.ShouldContain("rule coverage 1.5% is below --min-coverage 2%");
        output.ShouldEndWith("1 passed, 0 failed\n");
    }

    [Fact]
    public void Coverage_at_the_minimum_exits_0()
    {
        Test("--min-coverage", "1.4").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_failing_fixture_covers_nothing()
    {
        scratch.Write("fixtures/late.json", scratch.Read("fixtures/late.json").Replace("2026-02-10", "2026-02-09"));

        var (exitCode, output, _) = Test("--coverage");

        exitCode.ShouldBe(1);
        output.ShouldContain("\nCSC1001         1  NO       NO       NO       -\n");
    }

    private (int ExitCode, string Output, string Error) Test(params string[] options) =>
        Compliance.Run(["test", Path.Combine(scratch.Root, "fixtures"), .. options]);

    public void Dispose() => scratch.Dispose();
}
