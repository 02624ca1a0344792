using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Cli.Tests.Profiles;

/// <summary>Parameter values from the profile are compiled into the rules: a changed threshold changes the findings.</summary>
public sealed class BindingTests
{
    [Fact]
    public void The_default_interval_finds_a_late_visit_and_an_overdue_one()
    {
        Visits(Profile.Default).ShouldBe(["late 2026-02-10", "overdue 2026-03-03"]);
    }

    [Fact]
    public void A_longer_interval_in_the_rule_entry_finds_none()
    {
        Visits(Cases.Profile("""{ "rules": { "CSC1001": { "visit_interval_working_days": 20 } } }""")).ShouldBeEmpty();
    }

    [Fact]
    public void A_team_interval_applies_to_that_teams_cases_only()
    {
        var profile = Cases.Profile("""{ "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }""");

        Visits(profile, "Disabled Children").ShouldBeEmpty();
        Visits(profile, "Safeguarding East").ShouldBe(["late 2026-02-10", "overdue 2026-03-03"]);
    }

    [Fact]
    public void Lookback_months_from_the_profile_drop_late_findings_before_it()
    {
        Visits(Cases.Profile("""{ "lookbackMonths": 1 }""")).ShouldBe(["overdue 2026-03-03"]);
    }

    private static string[] Visits(Profile profile, string? team = null) =>
        Cases.Check(profile, Cases.VisitedLate("C1", team)).Findings
            .Where(f => f.Result.RuleId == "CSC1001")
            .Select(f => $"{f.Result.Status.ToString().ToLowerInvariant()} {f.Result.DueDate:yyyy-MM-dd}")
            .ToArray();
}
