using ComplianceRules.Cli.Tests;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness.Tests;

/// <summary>
/// The harness finds its own mistakes: fixtures wrong in each way, run through <c>compliance test</c>,
/// fail with exit 1, show expected and found side by side, print a timeline, and print an
/// <c>expect</c> that, pasted back, makes the fixture pass.
/// </summary>
public sealed class WrongFixtureTests : IDisposable
{
    /// <summary>
    /// One CP plan from Wed 2026-01-28, one visit on Wed 2026-02-11, as of Fri 2026-02-20.
    /// CSC1001 at 10 working days: wd(2026-01-28, 10) counts Jan 28, 29, 30, Feb 2, 3, 4, 5, 6, 9, 10
    /// -> due Tue 2026-02-10, so the visit is late (metOn 2026-02-11). The next visit is due
    /// wd(2026-02-11, 10) = Feb 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 -> 2026-02-24, after D: not yet due.
    /// The case also holds a plan action whose description stands for free text that must never be printed.
    /// </summary>
    private const string Case = """
        { "caseId": "C1", "team": "Safeguarding East",
          "cpPlans": [ { "id": "CPP1", "start": "2026-01-28", "category": "neglect" } ],
          "planActions": [ { "planId": "CPP1", "description": "PRIVATE-FREE-TEXT", "owner": "SW017", "due": "2026-03-01" } ],
          "visits": [ { "date": "2026-02-11", "workerId": "SW017" } ] }
        """;

    private const string LateVisit = """{ "ruleId": "CSC1001", "caseId": "C1", "subjectId": "CPP1", "status": "late", "dueDate": "2026-02-10", "metOn": "2026-02-11" }""";

    private readonly Scratch scratch = new();

    [Fact]
    public void A_correct_fixture_passes()
    {
        var (exitCode, output, _) = Test(Fixture("right.json", $"[{LateVisit}]"));

        exitCode.ShouldBe(0);
        output.ShouldBe("1 passed, 0 failed\n");
    }

    [Fact]
    public void A_loose_expectation_does_not_take_the_finding_a_precise_one_needs()
    {
        // As of Wed 2026-03-04 the case has two CSC1001 findings: late (due 2026-02-10) and overdue
        // (due 2026-02-24, passed with no visit since 2026-02-11). The first expectation fits both, the
        // second only the late one: listed first, the loose one must still leave it the late finding.
        var fixture = Fixture("loose-first.json", """
            [ { "ruleId": "CSC1001", "caseId": "C1" }, { "ruleId": "CSC1001", "status": "late" } ]
            """, asOf: "2026-03-04");

        Test(fixture).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_missing_finding_fails_showing_the_expectation_alone()
    {
        const string missing = """{ "ruleId": "CSC1001", "caseId": "C1", "subjectId": "CPP1", "status": "overdue", "dueDate": "2026-02-24" }""";
        var fixture = Fixture("missing.json", $"[{LateVisit}, {missing}]");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain($"FAIL {fixture}");
        output.ShouldContain("expected, not found:");
        Row(output, "status").ShouldBe("status     overdue");
        Row(output, "dueDate").ShouldBe("dueDate    2026-02-24");
        output.ShouldContain("  matched: " + JObject.Parse(LateVisit).ToString(Newtonsoft.Json.Formatting.None));
        ShouldPassWhenPastedBack(fixture, output, expectedFindings: 1);
        LastLine(output).ShouldBe("0 passed, 1 failed");
    }

    [Fact]
    public void An_extra_finding_fails_showing_the_finding_alone()
    {
        var fixture = Fixture("extra.json", "[]");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("found, not expected:");
        Row(output, "status").ShouldBe("status                   late");
        Row(output, "dueDate").ShouldBe("dueDate                  2026-02-10");
        ShouldPassWhenPastedBack(fixture, output, expectedFindings: 1);
    }

    [Theory]
    [InlineData("wrong due date", """{ "ruleId": "CSC1001", "caseId": "C1", "status": "late", "dueDate": "2026-02-11" }""",
        "dueDate    2026-02-11  !=  2026-02-10", "status     late            late")]
    [InlineData("wrong status", """{ "ruleId": "CSC1001", "caseId": "C1", "status": "overdue", "dueDate": "2026-02-10" }""",
        "status     overdue     !=  late", "dueDate    2026-02-10      2026-02-10")]
    public void A_wrong_field_is_marked_against_the_finding_it_should_have_been(string wrong, string expectation, string wrongRow, string rightRow)
    {
        var fixture = Fixture($"{wrong.Replace(' ', '-')}.json", $"[{expectation}]");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("expected, and the closest finding found:");
        Row(output, wrongRow.Split(' ')[0]).ShouldBe(wrongRow);
        Row(output, rightRow.Split(' ')[0]).ShouldBe(rightRow);
        ShouldPassWhenPastedBack(fixture, output, expectedFindings: 1);
    }

    [Fact]
    public void Paste_back_keeps_the_fields_an_expectation_pinned_with_the_values_found()
    {
        var fixture = Fixture("pinned.json", """
            [ { "ruleId": "CSC1001", "caseId": "C1", "status": "late", "dueDate": "2026-02-11",
                "message": "Child protection visit late by 9 working days", "arguments": { "intervalWorkingDays": 10 } } ]
            """);

        var (_, output, _) = Test(fixture);

        var pasted = (JObject)PasteBack(output).Single();
        ((string?)pasted["message"]).ShouldBe("Child protection visit late by 1 working day (due 10 Feb 2026, met 11 Feb 2026)");
        pasted["arguments"]!.ToString(Newtonsoft.Json.Formatting.None).ShouldBe("""{"intervalWorkingDays":10}""");
        ((string?)pasted["dueDate"]).ShouldBe("2026-02-10");
        ShouldPassWhenPastedBack(fixture, output, expectedFindings: 1);
    }

    [Fact]
    public void The_timeline_shows_the_facts_the_rule_read_and_the_deadlines_it_computed_and_no_free_text()
    {
        var (_, output, _) = Test(Fixture("timeline.json", "[]"));

        output.ShouldContain("""
              timeline: CSC1001 on C1, as of 2026-02-20: the dated facts it read
                2026-01-28  cpPlans[0] CPP1 start
                2026-02-11  visits[0] date (seen)
              deadlines of CSC1001 for CPP1:
                2026-01-28 → due 2026-02-10 → visits[0] on 2026-02-11 → late
                2026-02-11 → due 2026-02-24 → no event → not yet due
            """.ReplaceLineEndings("\n"));
        output.ShouldNotContain("PRIVATE-FREE-TEXT");
        output.ShouldNotContain("neglect");
    }

    [Fact]
    public void A_rule_that_matched_nothing_shows_every_dated_fact_of_the_case()
    {
        // CSC1010 at 9 months: months(2026-01-28, 9) = 2026-10-28, after D, so the plan is not reported.
        var fixture = Fixture("nothing-matched.json", """[ { "ruleId": "CSC1010", "caseId": "C1" } ]""", rules: """["CSC1010"]""");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("timeline: CSC1010 on C1, as of 2026-02-20: it matched no record of the case, so every dated fact of it");
        output.ShouldContain("    2026-02-11  visits[0] date (seen)");
        output.ShouldContain("    (CSC1010 computed no deadline on C1)");
        PasteBack(output).ShouldBeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_valid_json_fails_naming_file_line_and_column_and_the_others_still_run()
    {
        var broken = scratch.Write("fixtures/broken.json", "{\n  \"description\": \"x\",\n  \"asOf\": \"2026-02-20\",\n  \"cases\": [ }\n");
        Fixture("right.json", $"[{LateVisit}]");

        var (exitCode, output, _) = Test(Path.Combine(scratch.Root, "fixtures"));

        exitCode.ShouldBe(1);
        output.ShouldContain($"FAIL {broken}: not a valid fixture\n  {broken}:4:13: not valid JSON: Unexpected character encountered while parsing value: }}.");
        LastLine(output).ShouldBe("1 passed, 1 failed");
    }

    // Columns are where Newtonsoft finishes reading the token (as for a profile inside a fixture).
    [Theory]
    [InlineData("""{ "description": "x", "cases": [], "expect": [] }""", "1:1: needs `asOf` (a string)")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-30", "cases": [], "expect": [] }""", "1:42: `asOf` must be a date as YYYY-MM-DD, not \"2026-02-30\"")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "rules": ["CSC1901"], "cases": [], "expect": [] }""", "1:63: `rules`: \"CSC1901\" is not a rule of the catalogue")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "rules": ["CSC1001"], "cases": [], "expect": [ { "ruleId": "CSC1002" } ] }""", "1:112: `expect[0].ruleId`: CSC1002 is not among the fixture's `rules`, so it could never be found")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "cases": [], "expect": [ { "status": "lat" } ] }""", "1:86: `expect[0].status` must be one of present, overdue, late, missed, not \"lat\"")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "cases": [], "expect": [ { "ruleId": "CSC1001", "duedate": "2026-02-10" } ] }""", "1:102: `expect[0].duedate` is not a field of a finding; did you mean `dueDate`?")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "cases": {}, "expect": [] }""", "1:54: `cases` must be an array, not object")]
    [InlineData("""{ "description": "x", "asOf": "2026-02-20", "profile": { "rules": { "CSC1001": { "interval": 5 } } }, "cases": [], "expect": [] }""", "1:92: `profile`: unknown parameter `interval` for CSC1001")]
    public void A_fixture_missing_or_misspelling_a_field_fails_naming_file_line_column_and_field(string text, string problem)
    {
        var fixture = scratch.Write("fixtures/bad.json", text);

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain($"{fixture}:{problem}");
        LastLine(output).ShouldBe("0 passed, 1 failed");
    }

    [Fact]
    public void A_fixture_with_a_team_profile_gets_the_teams_settings()
    {
        // The team allows 20 working days: wd(2026-01-28, 20) = 2026-02-24 (Jan 28-30: 3, Feb 2-6: 8,
        // 9-13: 13, 16-20: 18, 23: 19, 24: 20), so the visit on 2026-02-11 is on time and nothing is due by D.
        var fixture = Fixture("team.json", "[]",
            profile: """{ "teams": { "Safeguarding East": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }""");

        Test(fixture).ExitCode.ShouldBe(0);
    }

    private string Fixture(string name, string expect, string rules = """["CSC1001"]""", string? profile = null, string asOf = "2026-02-20") =>
        scratch.Write($"fixtures/{name}", $$"""
            { "description": "the case of WrongFixtureTests", "asOf": "{{asOf}}", "rules": {{rules}},
              {{(profile is null ? "" : $"\"profile\": {profile},")}}
              "cases": [ {{Case}} ],
              "expect": {{expect}} }
            """);

    private static (int ExitCode, string Output, string Error) Test(params string[] arguments) => Compliance.Run(["test", .. arguments]);

    /// <summary>Pastes the printed <c>expect</c> into the fixture and runs it again: it must pass.</summary>
    private static void ShouldPassWhenPastedBack(string fixture, string output, int expectedFindings)
    {
        var expect = PasteBack(output);
        expect.Count.ShouldBe(expectedFindings);
        var body = JObject.Parse(File.ReadAllText(fixture));
        body["expect"] = expect;
        File.WriteAllText(fixture, body.ToString());

        var (exitCode, rerun, _) = Test(fixture);
        exitCode.ShouldBe(0, rerun);
    }

    /// <summary>The JSON printed after "paste back as "expect":", up to the blank line that ends it.</summary>
    private static JArray PasteBack(string output)
    {
        var lines = output.Split('\n');
        var start = Array.IndexOf(lines, "  paste back as \"expect\":") + 1;
        start.ShouldBeGreaterThan(0, output);
        return JArray.Parse(string.Join("\n", lines.Skip(start).TakeWhile(line => line.Length > 0)));
    }

    /// <summary>The side-by-side row of <paramref name="field"/>, without its indentation.</summary>
    private static string Row(string output, string field) =>
        output.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith(field + " ", StringComparison.Ordinal));

    private static string LastLine(string output) => output.TrimEnd('\n').Split('\n')[^1];

    public void Dispose() => scratch.Dispose();
}
