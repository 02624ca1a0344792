using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Cli.Tests.Profiles;

/// <summary>Every mistake in a profile is an error naming file, line and column, what is wrong, and a suggestion where one exists.</summary>
public sealed class ProfileErrorTests
{
    [Theory]
    [InlineData(
        """{ "rules": { "CSC1001": { "visit_interval_days": 15 } } }""",
        "profile.json:1:27: unknown parameter `visit_interval_days` for CSC1001; did you mean `visit_interval_working_days`?")]
    [InlineData(
        """{ "rules": { "CSC1013": { "severity": "error" } } }""",
        "profile.json:1:14: unknown rule ID `CSC1013`; did you mean `CSC1003`?")]
    [InlineData(
        """{ "rules": { "CSC1001": { "visit_interval_working_days": "15" } } }""",
        "profile.json:1:58: CSC1001.visit_interval_working_days expects a whole number, found \"15\"")]
    [InlineData(
        """{ "rules": { "CSC2001": { "include_repeat_plans": 1 } } }""",
        "profile.json:1:51: CSC2001.include_repeat_plans expects true or false, found 1")]
    [InlineData(
        """{ "teams": { "Disabled Children": { "rule": { } } } }""",
        "profile.json:1:37: unknown key `rule` in team `Disabled Children`; did you mean `rules`?")]
    [InlineData(
        """{ "categories": { "ChildProtecton": { "severity": "error" } } }""",
        "profile.json:1:19: unknown category `ChildProtecton`; did you mean `ChildProtection`?; expected one of Input, ChildProtection, Legal, Oversight, Drift, Allocation, LookedAfter, Missing, CareLeavers")]
    [InlineData(
        """{ "rules": { "CSC1001": { "severity": "warn" } } }""",
        "profile.json:1:39: unknown severity `warn`; did you mean `warning`?; expected one of none, info, warning, error")]
    [InlineData(
        """{ "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1" } ] }""",
        "profile.json:1:21: the suppression of CSC1001 needs a `justification`: say why the finding is accepted")]
    [InlineData(
        """{ "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1", "justification": "In hospital", "expires": "2026-02-30" } ] }""",
        "profile.json:1:103: expires expects a date as \"YYYY-MM-DD\", found \"2026-02-30\"")]
    [InlineData(
        """{ "suppressions": [ { "ruleId": "CSC1001", "justification": "In hospital" } ] }""",
        "profile.json:1:21: the suppression of CSC1001 needs a `caseId`; to switch CSC1001 off for every case, set its severity to `none`")]
    [InlineData(
        """{ "dayCounting": "inclusiv" }""",
        "profile.json:1:18: unknown dayCounting `inclusiv`; did you mean `inclusive`?; expected one of inclusive, exclusive")]
    [InlineData(
        """{ "lookback": 6 }""",
        "profile.json:1:3: unknown key `lookback` in the profile; did you mean `lookbackMonths`?")]
    [InlineData(
        "{ \"rules\": {\n  \"CSC1001\": {\n    \"visit_interval_working_days\": 10,\n  }\n",
        "profile.json:5:0: not valid JSON: Unexpected end of content while loading JObject.")]
    public void Names_file_line_column_and_problem(string json, string message)
    {
        Should.Throw<ProfileException>(() => Cases.Profile(json)).Message.ShouldBe(message);
    }

    [Fact]
    public void Counts_lines_and_columns_in_a_multi_line_profile()
    {
        const string json = """
            {
              "rules": {
                "CSC1001": { "severity": "warning", "visit_interval_days": 15 }
              }
            }
            """;

        var error = Should.Throw<ProfileException>(() => Cases.Profile(json));

        (error.Line, error.Column).ShouldBe((3, 41));
    }
}
