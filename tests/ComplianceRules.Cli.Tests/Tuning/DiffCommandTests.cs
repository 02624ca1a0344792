using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Tuning;

/// <summary>
/// <c>compliance diff</c> through the CLI's entry point, on <see cref="TwoLateVisits"/>. Profile A is
/// the shipped defaults; B allows 15 working days between visits and raises CSC1005 to warning.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly Scratch scratch = new();
    private readonly string cases;
    private readonly string profileB;

    public DiffCommandTests()
    {
        cases = Path.GetDirectoryName(scratch.Write("cases/T1.json", TwoLateVisits.T1))!;
        scratch.Write("cases/T2.json", TwoLateVisits.T2);
        profileB = scratch.Write("b.json", """
            { "rules": { "CSC1001": { "visit_interval_working_days": 15 }, "CSC1005": { "severity": "warning" } } }
            """);
    }

    /// <summary>
    /// CSC1001 under A's 10: T1 and T2 late, both due 13 Mar; under B's 15: T2 late, due 20 Mar.
    /// CSC1005 (first core group within wd(2 Mar, 10) = 13 Mar, none held): overdue on both cases,
    /// info under A and warning under B. Every other finding is the same under both.
    /// </summary>
    private static readonly string[] Expected =
    [
        "CSC1001 Disabled Children: only A T2/CPP1 late 2026-03-13 warning",
        "CSC1001 Disabled Children: only B T2/CPP1 late 2026-03-20 warning",
        "CSC1001 Safeguarding East: only A T1/CPP1 late 2026-03-13 warning",
        "CSC1005 Disabled Children: changed T2/CPP1 overdue 2026-03-13 info -> warning",
        "CSC1005 Safeguarding East: changed T1/CPP1 overdue 2026-03-13 info -> warning",
    ];

    [Fact]
    public void Two_profiles_differ_by_the_findings_only_under_each_and_the_changed_severities_grouped_by_rule_and_team()
    {
        var (exitCode, json) = Diff("--against", profileB);

        exitCode.ShouldBe(1);
        Differences(json).ShouldBe(Expected);
        ((string)json["b"]!["path"]!).ShouldBe(profileB);
        ((int)json["summary"]!["onlyA"]!).ShouldBe(2);
        ((int)json["summary"]!["onlyB"]!).ShouldBe(1);
        ((int)json["summary"]!["severityChanged"]!).ShouldBe(2);
    }

    [Fact]
    public void Against_a_previous_runs_findings_the_same_differences_show()
    {
        var previous = Path.Combine(scratch.Root, "previous");
        Cli.Run("check", cases, "--as-of", TwoLateVisits.AsOf, "--profile", profileB, "--out", previous).ExitCode.ShouldBe(0);

        // Without --as-of the previous run's date (2026-03-24) is used.
        var (exitCode, json) = Diff(["--against", Path.Combine(previous, "findings.json")], asOf: null);

        exitCode.ShouldBe(1);
        Differences(json).ShouldBe(Expected);
        ((string)json["b"]!["kind"]!).ShouldBe("findings");
        ((string)json["a"]!["asOf"]!).ShouldBe(TwoLateVisits.AsOf);

        // The finding only under B is read back whole from the previous findings.json (the diff keeps
        // only fingerprints while the cases are evaluated): every field as B's profile gives it now.
        var onlyB = json["groups"]!.SelectMany(group => group["onlyB"]!).ShouldHaveSingleItem();
        var underProfileB = Diff("--against", profileB).Json["groups"]!.SelectMany(group => group["onlyB"]!).ShouldHaveSingleItem();
        onlyB.ToString().ShouldBe(underProfileB.ToString());
        ((string)onlyB["message"]!).ShouldContain("visit");
    }

    [Fact]
    public void The_profile_a_previous_run_used_gives_no_differences_and_exit_0()
    {
        var previous = Path.Combine(scratch.Root, "previous");
        Cli.Run("check", cases, "--as-of", TwoLateVisits.AsOf, "--profile", profileB, "--out", previous).ExitCode.ShouldBe(0);

        // The output folder stands for its findings.json.
        var (exitCode, json) = Diff("--profile", profileB, "--against", previous);

        exitCode.ShouldBe(0);
        Differences(json).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_profile_on_both_sides_gives_no_differences()
    {
        Diff("--profile", profileB, "--against", profileB).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_tables_are_plain_text_when_the_output_is_redirected()
    {
        var (exitCode, output, _) = Cli.Run("diff", cases, "--as-of", TwoLateVisits.AsOf, "--against", profileB);

        exitCode.ShouldBe(1);
        output.ReplaceLineEndings("\n").ShouldEndWith("""
            2 cases read, 2 evaluated, 0 rejected: 2 only under A, 1 only under B, 2 changed severity
            rule     team               only under A  only under B  changed severity
            -------  -----------------  ------------  ------------  ----------------
            CSC1001  Disabled Children  1             1             0
            CSC1001  Safeguarding East  1             0             0
            CSC1005  Disabled Children  0             0             1
            CSC1005  Safeguarding East  0             0             1

            rule     team               case  subject  status   due         A        B
            -------  -----------------  ----  -------  -------  ----------  -------  -------
            CSC1001  Disabled Children  T2    CPP1     late     2026-03-13  warning  -
            CSC1001  Disabled Children  T2    CPP1     late     2026-03-20  -        warning
            CSC1001  Safeguarding East  T1    CPP1     late     2026-03-13  warning  -
            CSC1005  Disabled Children  T2    CPP1     overdue  2026-03-13  info     warning
            CSC1005  Safeguarding East  T1    CPP1     overdue  2026-03-13  info     warning

            """);
    }

    [Fact]
    public void A_mistake_in_profile_b_exits_2_naming_file_line_and_column()
    {
        var broken = scratch.Write("broken.json", """{ "rules": { "CSC1001": { "visit_interval_days": 15 } } }""");

        var (exitCode, _, error) = Cli.Run("diff", cases, "--as-of", TwoLateVisits.AsOf, "--against", broken);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{broken}:1:27: unknown parameter `visit_interval_days` for CSC1001; did you mean `visit_interval_working_days`?");
    }

    [Fact]
    public void A_missing_against_exits_2()
    {
        var missing = Path.Combine(scratch.Root, "nowhere.json");

        var (exitCode, _, error) = Cli.Run("diff", cases, "--against", missing);

        exitCode.ShouldBe(2);
        error.ShouldContain(missing);
    }

    [Fact]
    public void A_case_read_twice_matches_a_previous_run_that_read_it_twice()
    {
        // T1 in two files: its late visit (due 13 Mar) is reported twice with one fingerprint, in both
        // runs. Each of tonight's pairs with one of last night's; a count mismatch would show as only A or only B.
        scratch.Write("cases/T1-again.json", TwoLateVisits.T1);
        var previous = Path.Combine(scratch.Root, "previous");
        Cli.Run("check", cases, "--as-of", TwoLateVisits.AsOf, "--out", previous).ExitCode.ShouldBe(0);

        Diff("--against", previous).ExitCode.ShouldBe(0);

        File.Delete(Path.Combine(cases, "T1-again.json"));
        var (exitCode, json) = Diff("--against", previous);

        exitCode.ShouldBe(1);
        Differences(json).ShouldContain("CSC1001 Safeguarding East: only B T1/CPP1 late 2026-03-13 warning");
    }

    [Fact]
    public void A_calendar_of_profile_b_that_misses_the_as_of_year_exits_2()
    {
        scratch.Write("holidays.json", """{ "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "New Year", "date": "2025-01-01" } ] } }""");
        var stale = scratch.Write("stale.json", """{ "holidays": "holidays.json" }""");

        var (exitCode, _, error) = Cli.Run("diff", cases, "--as-of", TwoLateVisits.AsOf, "--against", stale);

        exitCode.ShouldBe(2);
        error.ShouldContain("2026");
    }

    [Fact]
    public void A_truncated_previous_findings_json_exits_2_naming_it()
    {
        var previous = Path.Combine(scratch.Root, "previous");
        Cli.Run("check", cases, "--as-of", TwoLateVisits.AsOf, "--out", previous).ExitCode.ShouldBe(0);
        var findings = Path.Combine(previous, "findings.json");
        var text = File.ReadAllText(findings);
        File.WriteAllText(findings, text[..(text.IndexOf("\"findings\": [", StringComparison.Ordinal) + 40)]);

        var (exitCode, _, error) = Cli.Run("diff", cases, "--against", previous);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{findings}: not a complete findings.json");
    }

    [Fact]
    public void A_folder_without_findings_json_exits_2()
    {
        var (exitCode, _, error) = Cli.Run("diff", cases, "--against", scratch.Root);

        exitCode.ShouldBe(2);
        error.ShouldContain($"--against: {scratch.Root} is a folder without a findings.json");
    }

    private (int ExitCode, JObject Json) Diff(params string[] options) => Diff(options, TwoLateVisits.AsOf);

    private (int ExitCode, JObject Json) Diff(string[] options, string? asOf)
    {
        var output = Path.Combine(scratch.Root, "diff.json");
        string[] date = asOf is null ? [] : ["--as-of", asOf];
        var (exitCode, _, error) = Cli.Run(["diff", cases, "--out", output, .. date, .. options]);
        return (exitCode, exitCode < 2 ? JObject.Parse(File.ReadAllText(output)) : throw new ShouldAssertException(error));
    }

    /// <summary>Each difference in one line, in the JSON's order, so that a failure shows them all.</summary>
    private static string[] Differences(JObject json) => json["groups"]!.SelectMany(group =>
    {
        var where = $"{group["ruleId"]} {group["team"]}";
        static string Finding(JToken f) => $"{f["caseId"]}/{f["subjectId"]} {f["status"]} {f["dueDate"]}";
        return group["onlyA"]!.Select(f => $"{where}: only A {Finding(f)} {f["severity"]}")
            .Concat(group["onlyB"]!.Select(f => $"{where}: only B {Finding(f)} {f["severity"]}"))
            .Concat(group["severityChanged"]!.Select(c => $"{where}: changed {Finding(c["finding"]!)} {c["severityA"]} -> {c["severityB"]}"));
    }).ToArray();

    public void Dispose() => scratch.Dispose();
}
