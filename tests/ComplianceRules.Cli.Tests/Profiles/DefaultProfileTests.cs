using ComplianceRules.Findings.Profiles;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Profiles;

/// <summary>profiles/default.json holds every rule and parameter with the rules' own defaults, and is regenerated when they change.</summary>
public sealed class DefaultProfileTests
{
    private static readonly string Committed = Repository.Path("profiles", "default.json");

    [Fact]
    public void Committed_default_profile_is_what_the_rules_say()
    {
        File.ReadAllText(Committed).ReplaceLineEndings("\n").ShouldBe(
            ProfileTemplate.Render(RuleCatalog.Default, Profile.Default, new EffectiveSettings(Profile.Default, null)),
            "profiles/default.json is stale: run `dotnet run --project src/ComplianceRules.Cli -- rules --format profile > profiles/default.json`");
    }

    [Fact]
    public void Loading_the_default_profile_gives_every_rules_default_severity_and_parameters()
    {
        var settings = new EffectiveSettings(ProfileReader.Load(Committed), null);

        foreach (var rule in RuleCatalog.Default.Descriptors)
        {
            settings.SeverityOf(rule).ShouldBe(rule.DefaultSeverity, rule.Id);
            foreach (var parameter in rule.Parameters)
            {
                settings.ValueOf(rule, parameter).ShouldBe(parameter.DefaultValue, $"{rule.Id}.{parameter.Name}");
            }
        }
    }

    [Fact]
    public void Rules_command_writes_it()
    {
        var (exitCode, output, _) = Cli.Run("rules", "--format", "profile");

        exitCode.ShouldBe(0);
        output.ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Committed).ReplaceLineEndings("\n"));
    }
}
