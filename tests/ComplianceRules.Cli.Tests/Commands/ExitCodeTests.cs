namespace ComplianceRules.Cli.Tests.Commands;

/// <summary>cli.md's exit codes, through the CLI's entry point: 0 done, 1 findings at or above --fail-on, 2 usage, profile or calendar error.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly Scratch scratch = new();

    public ExitCodeTests() => scratch.Write("cases/C1.json", Cases.VisitedLate("C1"));

    [Fact]
    public void Warnings_exit_0_under_the_default_fail_on_error()
    {
        Check().ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Warnings_exit_1_under_fail_on_warning()
    {
        Check("--fail-on", "warning").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void A_profile_raising_a_rule_to_error_exits_1()
    {
        var profile = scratch.Write("profile.json", """{ "rules": { "CSC1001": { "severity": "error" } } }""");

        Check("--profile", profile).ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Suppressed_errors_exit_0()
    {
        var profile = scratch.Write("profile.json", """
            { "rules": { "CSC1001": { "severity": "error" } },
              "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1", "justification": "Child in hospital", "expires": "2026-03-16" } ] }
            """);

        Check("--profile", profile).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Fail_on_none_always_exits_0()
    {
        Check("--fail-on", "none").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_profile_error_exits_2_naming_file_line_and_column()
    {
        var profile = scratch.Write("profile.json", """{ "rules": { "CSC1001": { "visit_interval_days": 15 } } }""");

        var (exitCode, _, error) = Check("--profile", profile);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{profile}:1:27: unknown parameter `visit_interval_days` for CSC1001; did you mean `visit_interval_working_days`?");
        File.Exists(Path.Combine(scratch.Root, "out", "findings.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_calendar_missing_the_as_of_year_exits_2_naming_the_file_and_year()
    {
        scratch.Write("calendars/holidays.json", """{ "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "New Year", "date": "2025-01-01" } ] } }""");
        var profile = scratch.Write("profile.json", """{ "holidays": "calendars/holidays.json" }""");

        var (exitCode, _, error) = Check("--profile", profile);

        exitCode.ShouldBe(2);
        error.ShouldContain(Path.Combine(scratch.Root, "calendars", "holidays.json"));
        error.ShouldContain("2026");
    }

    [Fact]
    public void A_count_reaching_a_year_before_the_calendar_exits_2_naming_the_year_and_the_case()
    {
        // The shipped calendar starts in 2012; the case opened on 2011-03-01 and its rules count working days from then.
        scratch.Write("cases/C2.json", """
            { "caseId": "C2", "referrals": [ { "id": "R1", "date": "2011-03-01" } ],
              "assessments": [ { "id": "A1", "referralId": "R1", "start": "2011-03-02" } ] }
            """);

        var (exitCode, _, error) = Check();

        exitCode.ShouldBe(2);
        error.ShouldContain($"Case C2 ({Path.Combine(scratch.Root, "cases", "C2.json")}:1)");
        error.ShouldContain("holds no bank holidays for 2011");
        File.Exists(Path.Combine(scratch.Root, "out", "findings.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_holidays_file_that_is_not_json_exits_2()
    {
        scratch.Write("holidays.json", "not json");
        var profile = scratch.Write("profile.json", """{ "holidays": "holidays.json" }""");

        Check("--profile", profile).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void An_unknown_format_exits_2()
    {
        var (exitCode, _, error) = Check("--format", "json,pdf");

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown format 'pdf'");
    }

    [Fact]
    public void Every_format_asked_for_is_written_and_json_always()
    {
        Check("--format", "sarif,html").ExitCode.ShouldBe(0);

        Directory.GetFiles(Path.Combine(scratch.Root, "out")).Select(Path.GetFileName).Order()
            .ShouldBe(["findings.json", "findings.sarif", "report.html"]);
    }

    [Fact]
    public void Findings_json_names_the_profile_and_its_sha256()
    {
        var profile = scratch.Write("profile.json", "{ }");

        Check("--profile", profile);

        var written = Newtonsoft.Json.Linq.JObject.Parse(scratch.Read("out/findings.json"));
        ((string)written["profile"]!["path"]!).ShouldBe(profile);
        ((string)written["profile"]!["sha256"]!).ShouldBe("257c1be96ae69f4b01c2c69bdb6d78605f59175819fb007d0bf245bf48444c4a");
    }

    private (int ExitCode, string Output, string Error) Check(params string[] options) =>
        Cli.Run(["check", Path.Combine(scratch.Root, "cases"), "--as-of", "2026-03-16", "--out", Path.Combine(scratch.Root, "out"), .. options]);

    public void Dispose() => scratch.Dispose();
}
