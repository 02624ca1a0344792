using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Commands;

/// <summary><c>compliance rules</c>: the catalogue with effective severity and parameters under a profile and team.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly Scratch scratch = new();

    [Fact]
    public void Json_shows_the_effective_settings_under_a_profile_and_team()
    {
        var profile = scratch.Write("profile.json", """
            { "categories": { "Oversight": { "severity": "error" } },
              "rules": { "CSC1001": { "visit_interval_working_days": 15 } },
              "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }
            """);

        var (exitCode, output, _) = Cli.Run("rules", "--profile", profile, "--team", "Disabled Children", "--format", "json");

        exitCode.ShouldBe(0);
        var rules = JArray.Parse(output);
        var visits = rules.Single(r => (string)r["id"]! == "CSC1001");
        ((int)visits["parameters"]![0]!["value"]!).ShouldBe(20);
        ((int)visits["parameters"]![0]!["default"]!).ShouldBe(10);
        ((string)rules.Single(r => (string)r["id"]! == "CSC3001")["severity"]!).ShouldBe("error");
    }

    [Fact]
    public void Table_lists_every_rule()
    {
        var (exitCode, _, _) = Cli.Run("rules");

        exitCode.ShouldBe(0);
    }

    [Fact]
    public void An_unknown_team_exits_2()
    {
        var profile = scratch.Write("profile.json", "{ }");

        Cli.Run("rules", "--profile", profile, "--team", "Nobody").ExitCode.ShouldBe(2);
    }

    public void Dispose() => scratch.Dispose();
}
