using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Tuning;

/// <summary><c>compliance tune</c> through the CLI's entry point, on <see cref="TwoLateVisits"/> (the arithmetic is there).</summary>
public sealed class TuneCommandTests : IDisposable
{
    private readonly Scratch scratch = new();

    public TuneCommandTests()
    {
        scratch.Write("cases/T1.json", TwoLateVisits.T1);
        scratch.Write("cases/T2.json", TwoLateVisits.T2);
    }

    [Fact]
    public void Each_value_counts_the_rules_findings_and_the_change_against_the_default_of_10()
    {
        // Under the current 10: {T1 due 13 Mar, T2 due 13 Mar}. Under 15: {T2 due 20 Mar}, so T2's
        // moved due date is one added and both of 10's findings are removed. Under 20: nothing.
        var (exitCode, json) = Tune(null, "10,15,20");

        exitCode.ShouldBe(0);
        Rows(json).ShouldBe([
            "10 current findings 2 cases 2 +0 -0 changed 0",
            "15 findings 1 cases 1 +1 -2 changed 2",
            "20 findings 0 cases 0 +0 -2 changed 2",
        ]);
        ((int)json["currentValue"]!).ShouldBe(10);
        ((int)json["casesRead"]!).ShouldBe(2);
    }

    [Fact]
    public void A_team_that_sets_the_parameter_keeps_its_value_when_the_rule_entry_is_tuned()
    {
        // Disabled Children (T2) has 20 of its own: on time whatever the rule entry says. Only T1
        // follows the values: late under the current 10 (due 13 Mar), on time under 15 and 20.
        var profile = scratch.Write("profile.json", """
            { "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }
            """);

        var (exitCode, json) = Tune(profile, "10,15,20");

        exitCode.ShouldBe(0);
        Rows(json).ShouldBe([
            "10 current findings 1 cases 1 +0 -0 changed 0",
            "15 findings 0 cases 0 +0 -1 changed 1",
            "20 findings 0 cases 0 +0 -1 changed 1",
        ]);
        json["teamsWithTheirOwnValue"]!.Values<string>().ShouldBe([TwoLateVisits.DisabledChildrenTeam]);
    }

    [Fact]
    public void With_team_the_values_go_into_that_teams_entry_and_other_cases_keep_the_rule_value()
    {
        // The team's current value is 20 (T2 on time). T1 keeps the rule's 10 throughout: late, due 13 Mar.
        // T2 under 10: late, due 13 Mar (added); under 15: late, due 20 Mar (added); under 20: as now.
        var profile = scratch.Write("profile.json", """
            { "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }
            """);

        var (exitCode, json) = Tune(profile, "10,15,20", "--team", TwoLateVisits.DisabledChildrenTeam);

        exitCode.ShouldBe(0);
        Rows(json).ShouldBe([
            "10 findings 2 cases 2 +1 -0 changed 1",
            "15 findings 2 cases 2 +1 -0 changed 1",
            "20 current findings 1 cases 1 +0 -0 changed 0",
        ]);
        ((int)json["currentValue"]!).ShouldBe(20);
        ((int)json["casesOfTeam"]!).ShouldBe(1);
    }

    [Fact]
    public void A_team_the_profile_does_not_have_yet_is_tried_as_a_new_entry()
    {
        // No profile: everyone has 10. Giving East (T1) 15 puts T1 on time: its finding (due 13 Mar) goes.
        var (exitCode, json) = Tune(null, "15", "--team", TwoLateVisits.EastTeam);

        exitCode.ShouldBe(0);
        Rows(json).ShouldBe(["15 findings 1 cases 1 +0 -1 changed 1"]);
    }

    [Fact]
    public void A_rule_the_profile_switches_off_reports_nothing_under_any_value_and_says_why()
    {
        // Under 10 both visits are late (TwoLateVisits), but severity none writes no finding.
        var profile = scratch.Write("profile.json", """{ "rules": { "CSC1001": { "severity": "none" } } }""");

        var (exitCode, _, error) = Cli.Run("tune", Path.Combine(scratch.Root, "cases"), "--as-of", TwoLateVisits.AsOf, "--profile", profile,
            "--rule", "CSC1001", "--param", "visit_interval_working_days", "--values", "10,15", "--out", Path.Combine(scratch.Root, "tune.json"));

        exitCode.ShouldBe(0);
        error.ShouldContain("compliance: note: the profile switches CSC1001 off (severity none), so it reports nothing under any value");
        Rows(JObject.Parse(scratch.Read("tune.json"))).ShouldBe([
            "10 current findings 0 cases 0 +0 -0 changed 0",
            "15 findings 0 cases 0 +0 -0 changed 0",
        ]);
    }

    [Fact]
    public void The_table_is_plain_text_when_the_output_is_redirected()
    {
        var (exitCode, output, _) = Cli.Run("tune", Path.Combine(scratch.Root, "cases"), "--as-of", TwoLateVisits.AsOf,
            "--rule", "CSC1001", "--param", "visit_interval_working_days", "--values", "10,15");

        exitCode.ShouldBe(0);
        output.ReplaceLineEndings("\n").ShouldBe("""
            CSC1001 visit_interval_working_days (currently 10), as of 2026-03-24: 2 cases read, 2 evaluated, 0 rejected
            value         findings  cases affected  added  removed  cases changed
            ------------  --------  --------------  -----  -------  -------------
            10 (current)  2         2               +0     -0       0
            15            1         1               +1     -2       2

            """);
    }

    [Fact]
    public void The_json_is_readable_only_by_its_owner()
    {
        Tune(null, "10");

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(scratch.Root, "tune.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData("CSC1O01", "visit_interval_working_days", "10", "--rule: unknown rule ID `CSC1O01`; did you mean `CSC1001`?")]
    [InlineData("CSC1001", "visit_interval_days", "10", "--param: unknown parameter `visit_interval_days` for CSC1001; did you mean `visit_interval_working_days`?")]
    [InlineData("CSC1001", "visit_interval_working_days", "10,ten", "--values: CSC1001.visit_interval_working_days expects a whole number, found \"ten\"")]
    [InlineData("CSC1001", "visit_interval_working_days", "12.5", "--values: CSC1001.visit_interval_working_days expects a whole number, found 12.5")]
    [InlineData("CSC2001", "include_repeat_plans", "true,yes", "--values: CSC2001.include_repeat_plans expects true or false, found \"yes\"")]
    [InlineData("CSC1001", "visit_interval_working_days", " , ", "--values: give at least one value, e.g. --values 10,15,20")]
    public void A_wrong_rule_parameter_or_value_exits_2_saying_what_is_wrong(string rule, string parameter, string values, string message)
    {
        var (exitCode, _, error) = Cli.Run("tune", Path.Combine(scratch.Root, "cases"), "--as-of", TwoLateVisits.AsOf,
            "--rule", rule, "--param", parameter, "--values", values, "--out", Path.Combine(scratch.Root, "tune.json"));

        exitCode.ShouldBe(2);
        error.ShouldContain($"compliance: {message}");
        File.Exists(Path.Combine(scratch.Root, "tune.json")).ShouldBeFalse();
    }

    [Fact]
    public void Typed_values_are_accepted_for_a_boolean_parameter()
    {
        var (exitCode, _, _) = Cli.Run("tune", Path.Combine(scratch.Root, "cases"), "--as-of", TwoLateVisits.AsOf,
            "--rule", "CSC2001", "--param", "include_repeat_plans", "--values", "true,false");

        exitCode.ShouldBe(0);
    }

    [Fact]
    public void A_missing_input_exits_2_naming_it()
    {
        var missing = Path.Combine(scratch.Root, "nowhere");

        var (exitCode, _, error) = Cli.Run("tune", missing, "--rule", "CSC1001", "--param", "visit_interval_working_days", "--values", "10");

        exitCode.ShouldBe(2);
        error.ShouldContain($"{missing}: no such file or directory");
    }

    private (int ExitCode, JObject Json) Tune(string? profile, string values, params string[] options)
    {
        var output = Path.Combine(scratch.Root, "tune.json");
        string[] profileOption = profile is null ? [] : ["--profile", profile];
        var (exitCode, _, error) = Cli.Run([
            "tune", Path.Combine(scratch.Root, "cases"), "--as-of", TwoLateVisits.AsOf,
            "--rule", "CSC1001", "--param", "visit_interval_working_days", "--values", values, "--out", output,
            .. profileOption, .. options,
        ]);
        return (exitCode, exitCode == 0 ? JObject.Parse(File.ReadAllText(output)) : throw new ShouldAssertException(error));
    }

    /// <summary>Each row in one line, so that a failure shows the whole table.</summary>
    private static string[] Rows(JObject json) => json["values"]!.Select(row =>
        $"{row["value"]}{((bool)row["current"]! ? " current" : "")} findings {row["findings"]} cases {row["casesAffected"]} " +
        $"+{row["added"]} -{row["removed"]} changed {row["casesChanged"]}").ToArray();

    public void Dispose() => scratch.Dispose();
}
