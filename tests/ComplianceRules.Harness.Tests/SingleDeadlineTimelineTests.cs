using ComplianceRules.Cli.Tests;

namespace ComplianceRules.Harness.Tests;

/// <summary>
/// The rules that compute one deadline directly, without a deadline chain (CSC3001, CSC4002,
/// CSC5001, CSC7001), trace it as one link: a failing fixture's timeline shows the anchor, the due
/// date with how it was counted, the event or its absence, and the outcome. Each rule's case comes
/// with its due date worked out by hand: the right one passes, a wrong one fails and the timeline
/// shows how the right one was counted, and a changed threshold shows the deadline moving.
/// 2026 bank holidays (England and Wales) near these dates: Mon 25 May (spring).
/// </summary>
public sealed class SingleDeadlineTimelineTests : IDisposable
{
    /// <summary>
    /// CP plan from Tue 2026-09-01, supervisions Mon 2026-09-14 and Thu 2026-10-01, as of Mon 2026-11-02.
    /// Status cp, cp_interval_days 30: A = the latest supervision, 2026-10-01; d = days(2026-10-01, 30)
    /// = Oct 1 + 30 = Sat 2026-10-31 (calendar days), before D: overdue.
    /// </summary>
    private const string Supervision = """
        { "caseId": "C1", "cpPlans": [ { "id": "CPP1", "start": "2026-09-01" } ],
          "supervisions": [ { "date": "2026-09-14", "supervisorId": "TM1" }, { "date": "2026-10-01", "supervisorId": "TM1" } ] }
        """;

    private const string SupervisionTimeline = """
          timeline: CSC3001 on C1, as of 2026-11-02: the dated facts it read
            2026-09-14  supervisions[0] date
            2026-10-01  supervisions[1] date
          deadlines of CSC3001:
            2026-10-01 (last supervision, supervisions[1]) → due days(2026-10-01, 30) = 2026-10-31 (the interval for status cp) → no supervision since → overdue

        """;

    /// <summary>
    /// Case open since Fri 2026-05-01 (referral R1); SW1's allocation ended Thu 2026-05-21; as of Mon 2026-06-01.
    /// A = the later of that end and the open date = 2026-05-21; d = wd(2026-05-21, 5), inclusive:
    /// Thu 21 (1), Fri 22 (2), [weekend, spring bank holiday Mon 25], Tue 26 (3), Wed 27 (4), Thu 28 (5)
    /// -> 2026-05-28, before D: overdue. Counting the bank holiday would give Wed 2026-05-27.
    /// </summary>
    private const string Unallocated = """
        { "caseId": "C1", "referrals": [ { "id": "R1", "date": "2026-05-01" } ],
          "allocations": [ { "workerId": "SW1", "role": "socialWorker", "start": "2026-05-01", "end": "2026-05-21" } ] }
        """;

    private const string UnallocatedTimeline = """
          timeline: CSC5001 on C1, as of 2026-06-01: the dated facts it read
            2026-05-01  allocations[0] start (socialWorker SW1)
            2026-05-21  allocations[0] end (socialWorker SW1)
          deadlines of CSC5001:
            2026-05-21 (end of the last social worker allocation, allocations[0]) → due wd(2026-05-21, 5) = 2026-05-28 → no social worker allocated since → overdue

        """;

    /// <summary>
    /// CP plan from Mon 2026-03-02 with two open actions due Tue 2026-06-02 and one due Wed 2026-06-03;
    /// grace_days 7, as of Wed 2026-06-10. days(2026-06-02, 7) = 2026-06-09 < D: overdue, dueDate the
    /// actions' own due date 2026-06-02 (not the end of the grace); days(2026-06-03, 7) = 2026-06-10 is
    /// not before D, so that action is not reported, and its link is not yet due. Open actions have no dated fact.
    /// </summary>
    private const string PlanActions = """
        { "caseId": "C1", "cpPlans": [ { "id": "CPP1", "start": "2026-03-02" } ],
          "planActions": [ { "planId": "CPP1", "owner": "SW1", "due": "2026-06-02" }, { "planId": "CPP1", "owner": "SW1", "due": "2026-06-02" },
                           { "planId": "CPP1", "owner": "SW1", "due": "2026-06-03" } ] }
        """;

    private const string PlanActionsTimeline = """
          timeline: CSC4002 on C1, as of 2026-06-10: the dated facts it read
            2026-03-02  cpPlans[0] CPP1 start
          deadlines of CSC4002 for CPP1:
            2026-06-02 (the due date of planActions[0], planActions[1]) → due 2026-06-02, overdue after days(2026-06-02, 7) = 2026-06-09 → not completed → overdue
            2026-06-03 (the due date of planActions[2]) → due 2026-06-03, overdue after days(2026-06-03, 7) = 2026-06-10 → not completed → not yet due

        """;

    /// <summary>
    /// Looked after since 2025-09-01; missing from Fri 2026-03-27, returned Fri 2026-03-27 20:00; as of
    /// 2026-04-10. d = returned + 72 hours on the local clock = Mon 2026-03-30 20:00 (clocks go forward
    /// on Sun 29 Mar: the same clock time three days later). Offered Mon 2026-03-30 20:30: late, dueDate
    /// and metOn 2026-03-30.
    /// </summary>
    private const string ReturnInterview = """
        { "caseId": "C1", "lookedAfter": { "periods": [ { "id": "LAP1", "start": "2025-09-01" } ] },
          "missingEpisodes": [ { "id": "M1", "start": "2026-03-27", "returned": "2026-03-27T20:00", "returnInterview": { "offered": "2026-03-30T20:30" } } ] }
        """;

    private const string ReturnInterviewTimeline = """
          timeline: CSC7001 on C1, as of 2026-04-10: the dated facts it read
            2026-03-27  missingEpisodes[0] M1 start
            2026-03-27  missingEpisodes[0] M1 returned
            2026-03-30  missingEpisodes[0] M1 returnInterview.offered
          deadlines of CSC7001 for M1:
            2026-03-27 (return from missingEpisodes[0] M1) → due 2026-03-27 20:00 + 72 hours = 2026-03-30 20:00 → interview offered 2026-03-30 20:30 → late

        """;

    private readonly Scratch scratch = new();

    /// <summary>Each rule's case, the finding expected of it (its due date apart), and the due dates right and wrong.</summary>
    private static readonly Dictionary<string, SingleDeadline> ByRule = new()
    {
        ["CSC3001"] = new("2026-11-02", Supervision, null, """ "status": "overdue" """, "2026-10-31", "2026-10-30", SupervisionTimeline),
        ["CSC5001"] = new("2026-06-01", Unallocated, null, """ "status": "overdue" """, "2026-05-28", "2026-05-27", UnallocatedTimeline),
        ["CSC4002"] = new("2026-06-10", PlanActions, """{ "rules": { "CSC4002": { "grace_days": 7 } } }""",
            """ "subjectId": "CPP1", "status": "overdue" """, "2026-06-02", "2026-06-09", PlanActionsTimeline),
        ["CSC7001"] = new("2026-04-10", ReturnInterview, null, """ "subjectId": "M1", "status": "late", "metOn": "2026-03-30" """, "2026-03-30", "2026-03-31", ReturnInterviewTimeline),
    };

    public static TheoryData<string> Rules => [.. ByRule.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_due_date_worked_out_by_hand_passes(string rule)
    {
        var (exitCode, output, _) = Test(ByRule[rule].Fixture(this, rule, ByRule[rule].DueDate));

        exitCode.ShouldBe(0, output);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_wrong_due_date_fails_and_the_timeline_shows_how_the_rule_counted_it(string rule)
    {
        var expected = ByRule[rule];

        var (exitCode, output, _) = Test(expected.Fixture(this, rule, expected.WrongDueDate));

        exitCode.ShouldBe(1);
        output.ShouldMatch($@"\n +dueDate +{expected.WrongDueDate} +!= +{expected.DueDate}\n");
        output.ShouldContain(expected.Timeline.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_longer_supervision_interval_shows_the_deadline_not_yet_due()
    {
        // cp_interval_days 35: d = days(2026-10-01, 35) = Oct 1 + 30 = Oct 31, + 5 = Thu 2026-11-05, after D (Mon 2026-11-02).
        var fixture = Fixture("CSC3001", "2026-11-02", Supervision, """{ "rules": { "CSC3001": { "cp_interval_days": 35 } } }""",
            """[ { "ruleId": "CSC3001", "caseId": "C1", "status": "overdue" } ]""");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("expected, not found:");
        output.ShouldContain("    2026-10-01 (last supervision, supervisions[1]) → due days(2026-10-01, 35) = 2026-11-05 (the interval for status cp) → no supervision since → not yet due\n");
    }

    [Fact]
    public void Without_a_supervision_the_start_of_a_later_allocation_is_the_anchor()
    {
        // Open since Tue 2026-09-01 (CP plan), no supervision, SW1 allocated from Tue 2026-09-15: A = the later
        // of the open date and that start = 2026-09-15; d = days(2026-09-15, 30) = Sep 15 + 15 = Sep 30, + 15 = Thu 2026-10-15.
        const string unsupervised = """
            { "caseId": "C1", "cpPlans": [ { "id": "CPP1", "start": "2026-09-01" } ],
              "allocations": [ { "workerId": "SW1", "role": "socialWorker", "start": "2026-09-15" } ] }
            """;
        var fixture = Fixture("CSC3001", "2026-11-02", unsupervised, profile: null, "[]");

        var (_, output, _) = Test(fixture);

        output.ShouldContain("""
              timeline: CSC3001 on C1, as of 2026-11-02: the dated facts it read
                2026-09-15  allocations[0] start (socialWorker SW1)
              deadlines of CSC3001:
                2026-09-15 (start of the social worker allocation open at D, allocations[0]) → due days(2026-09-15, 30) = 2026-10-15 (the interval for status cp) → no supervision since → overdue

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void More_working_days_allowed_show_the_unallocated_deadline_not_yet_due()
    {
        // max_working_days 8: wd(2026-05-21, 8) goes on from Thu 28 (5): Fri 29 (6), Mon Jun 1 (7), Tue Jun 2 (8)
        // -> 2026-06-02, after D (Mon 2026-06-01).
        var fixture = Fixture("CSC5001", "2026-06-01", Unallocated, """{ "rules": { "CSC5001": { "max_working_days": 8 } } }""",
            """[ { "ruleId": "CSC5001", "caseId": "C1", "status": "overdue" } ]""");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("    2026-05-21 (end of the last social worker allocation, allocations[0]) → due wd(2026-05-21, 8) = 2026-06-02 → no social worker allocated since → not yet due\n");
    }

    [Fact]
    public void Exclusive_day_counting_is_named_in_the_working_day_count()
    {
        // dayCounting exclusive: day 1 is the first working day after A: Fri 22 (1), Tue 26 (2), Wed 27 (3),
        // Thu 28 (4), Fri 29 (5) -> 2026-05-29, before D (Mon 2026-06-01): overdue.
        var fixture = Fixture("CSC5001", "2026-06-01", Unallocated, """{ "dayCounting": "exclusive" }""", "[]");

        var (_, output, _) = Test(fixture);

        output.ShouldContain("→ due wd(2026-05-21, 5, exclusive) = 2026-05-29 → no social worker allocated since → overdue\n");
    }

    [Fact]
    public void More_hours_allowed_show_the_return_home_interview_met()
    {
        // hours 96: d = 2026-03-27 20:00 + 96 hours = Tue 2026-03-31 20:00; offered Mon 2026-03-30 20:30: met.
        var fixture = Fixture("CSC7001", "2026-04-10", ReturnInterview, """{ "rules": { "CSC7001": { "hours": 96 } } }""",
            """[ { "ruleId": "CSC7001", "caseId": "C1", "status": "late" } ]""");

        var (exitCode, output, _) = Test(fixture);

        exitCode.ShouldBe(1);
        output.ShouldContain("    2026-03-27 (return from missingEpisodes[0] M1) → due 2026-03-27 20:00 + 96 hours = 2026-03-31 20:00 → interview offered 2026-03-30 20:30 → met\n");
    }

    private string Fixture(string rule, string asOf, string @case, string? profile, string expect) =>
        scratch.Write($"fixtures/{rule}.json", $$"""
            { "description": "a case of SingleDeadlineTimelineTests", "asOf": "{{asOf}}", "rules": ["{{rule}}"],
              {{(profile is null ? "" : $"\"profile\": {profile},")}}
              "cases": [ {{@case}} ],
              "expect": {{expect}} }
            """);

    private static (int ExitCode, string Output, string Error) Test(string fixture) => Compliance.Run("test", fixture);

    private sealed record SingleDeadline(string AsOf, string Case, string? Profile, string Fields, string DueDate, string WrongDueDate, string Timeline)
    {
        /// <summary>A fixture of this case expecting the rule's finding with <paramref name="dueDate"/>.</summary>
        public string Fixture(SingleDeadlineTimelineTests test, string rule, string dueDate) =>
            test.Fixture(rule, AsOf, Case, Profile, $$"""[ { "ruleId": "{{rule}}", "caseId": "C1", {{Fields}}, "dueDate": "{{dueDate}}" } ]""");
    }

    public void Dispose() => scratch.Dispose();
}
