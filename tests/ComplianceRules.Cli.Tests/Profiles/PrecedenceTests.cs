using ComplianceRules.Engine;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Profiles;

/// <summary>cli.md's precedence, as Roslyn's: team rule entry > rule entry > category > global severity > the rule's default.</summary>
public sealed class PrecedenceTests
{
    private static readonly RuleDescriptor Visits = RuleCatalog.Default.Find("CSC1001")!;
    private static readonly IRuleParameter Interval = Visits.Parameters.Single(p => p.Name == "visit_interval_working_days");

    [Fact]
    public void Without_a_profile_the_rule_keeps_its_default_severity_and_parameters()
    {
        var settings = new EffectiveSettings(Profile.Default, team: null);

        settings.SeverityOf(Visits).ShouldBe(Severity.Warning);
        settings.ValueOf(Visits, Interval).ShouldBe(10);
    }

    [Fact]
    public void Global_severity_beats_the_default()
    {
        SeverityUnder("""{ "severity": "info" }""").ShouldBe(Severity.Info);
    }

    [Fact]
    public void Category_beats_global()
    {
        SeverityUnder("""{ "severity": "info", "categories": { "ChildProtection": { "severity": "error" } } }""").ShouldBe(Severity.Error);
    }

    [Fact]
    public void Rule_beats_category()
    {
        SeverityUnder("""
            { "severity": "info", "categories": { "ChildProtection": { "severity": "error" } },
              "rules": { "CSC1001": { "severity": "none" } } }
            """).ShouldBe(Severity.None);
    }

    [Fact]
    public void Team_beats_rule_for_that_team_only()
    {
        const string json = """
            { "rules": { "CSC1001": { "severity": "none" } },
              "teams": { "Disabled Children": { "rules": { "CSC1001": { "severity": "error" } } } } }
            """;

        SeverityUnder(json, "Disabled Children").ShouldBe(Severity.Error);
        SeverityUnder(json, "Safeguarding East").ShouldBe(Severity.None);
        SeverityUnder(json).ShouldBe(Severity.None);
    }

    [Fact]
    public void Rule_parameter_beats_the_default_and_team_parameter_beats_the_rule()
    {
        var profile = Cases.Profile("""
            { "rules": { "CSC1001": { "visit_interval_working_days": 15 } },
              "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }
            """);

        new EffectiveSettings(profile, null).ValueOf(Visits, Interval).ShouldBe(15);
        new EffectiveSettings(profile, "Disabled Children").ValueOf(Visits, Interval).ShouldBe(20);
        new EffectiveSettings(profile, "Safeguarding East").ValueOf(Visits, Interval).ShouldBe(15);
    }

    [Fact]
    public void A_team_severity_leaves_the_rule_parameter_in_force()
    {
        var profile = Cases.Profile("""
            { "rules": { "CSC1001": { "visit_interval_working_days": 15 } },
              "teams": { "Disabled Children": { "rules": { "CSC1001": { "severity": "error" } } } } }
            """);

        new EffectiveSettings(profile, "Disabled Children").ValueOf(Visits, Interval).ShouldBe(15);
    }

    private static Severity SeverityUnder(string json, string? team = null) =>
        new EffectiveSettings(Cases.Profile(json), team).SeverityOf(Visits);
}
