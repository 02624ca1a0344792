using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Deadlines;

public class DeadlineChainTests
{
    private static readonly DateOnly AsOf = Date("2026-11-30");

    private static IReadOnlyList<ChainLink<DateOnly>> RunEveryTenDays(
        string firstAnchor, string[] events, DateOnly? periodEnd = null, bool singleLink = false) =>
        DeadlineChain.Run(
            new ChainDefinition<DateOnly>
            {
                FirstAnchor = Date(firstAnchor),
                Deadline = link => DeadlineCalculator.Days(link.Anchor, 10),
                Events = events.Select(Date),
                DateOf = date => date,
                PeriodEnd = periodEnd,
                SingleLink = singleLink,
            },
            AsOf);

    /// <summary>A chain over named events (paths), so a test can tell same-day events apart.</summary>
    private static IReadOnlyList<ChainLink<(string Path, DateOnly Date)>> RunEveryTenDaysFromFirstSeptember(
        (string Path, DateOnly Date)[] events, bool singleLink = false) =>
        DeadlineChain.Run(
            new ChainDefinition<(string Path, DateOnly Date)>
            {
                FirstAnchor = Date("2026-09-01"),
                Deadline = link => DeadlineCalculator.Days(link.Anchor, 10),
                Events = events,
                DateOf = visit => visit.Date,
                SingleLink = singleLink,
            },
            AsOf);

    private static (LinkOutcome Outcome, DateOnly Anchor, DateOnly Due, DateOnly? MetOn)[] Summary<TEvent>(IEnumerable<ChainLink<TEvent>> links) =>
        links.Select(link => (link.Outcome, link.Anchor, link.Due, link.MetOn)).ToArray();

    [Fact]
    public void Met_on_the_deadline_day_then_late_the_day_after_then_overdue_while_open()
    {
        // A0 1 Sep: d = 11 Sep; visit 11 Sep met on the day.
        // A 11 Sep: d = 21 Sep; visit 22 Sep, late by a day.
        // A 22 Sep: d = 2 Oct; no visit, 2 Oct < D, period open: overdue.
        var links = RunEveryTenDays("2026-09-01", ["2026-09-11", "2026-09-22"]);

        Summary(links).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-09-01"), Date("2026-09-11"), Date("2026-09-11")),
            (LinkOutcome.Late, Date("2026-09-11"), Date("2026-09-21"), Date("2026-09-22")),
            (LinkOutcome.Overdue, Date("2026-09-22"), Date("2026-10-02"), null),
        ]);
        links.Select(link => link.Index).ShouldBe([0, 1, 2]);
        links.Select(link => link.IsFinding).ShouldBe([false, true, true]);
        links[1].MetBy.ShouldBe(Date("2026-09-22"));
    }

    [Fact]
    public void A_deadline_missed_in_a_period_that_ended_after_it_is_missed()
    {
        // As above, but the period ended 15 Oct, after the last deadline (2 Oct): missed, not overdue.
        var links = RunEveryTenDays("2026-09-01", ["2026-09-11", "2026-09-22"], periodEnd: Date("2026-10-15"));

        links[^1].Outcome.ShouldBe(LinkOutcome.Missed);
        links[^1].Due.ShouldBe(Date("2026-10-02"));
    }

    [Fact]
    public void A_period_ending_on_the_deadline_stops_the_chain()
    {
        // The period ended on 2 Oct, the third deadline itself (end <= d): not a finding.
        var links = RunEveryTenDays("2026-09-01", ["2026-09-11", "2026-09-22"], periodEnd: Date("2026-10-02"));

        links.Count.ShouldBe(3);
        links[^1].Outcome.ShouldBe(LinkOutcome.PeriodEnded);
        links[^1].Due.ShouldBe(Date("2026-10-02"));
        links[^1].IsFinding.ShouldBeFalse();
    }

    [Fact]
    public void OpenAtAsOf_overrides_the_default_taken_from_the_period_end()
    {
        // A rule whose period is the case: no end of its own (no PeriodEnd), but the case closed.
        // A0 1 Nov: d = 11 Nov < D, no event: missed.
        var links = DeadlineChain.Run(
            new ChainDefinition<DateOnly>
            {
                FirstAnchor = Date("2026-11-01"),
                Deadline = link => DeadlineCalculator.Days(link.Anchor, 10),
                Events = [],
                DateOf = date => date,
                OpenAtAsOf = false,
            },
            AsOf);

        links.ShouldHaveSingleItem().Outcome.ShouldBe(LinkOutcome.Missed);
    }

    [Theory]
    [InlineData("2026-11-19", LinkOutcome.Overdue)] // d = 29 Nov, before D (30 Nov)
    [InlineData("2026-11-20", LinkOutcome.NotYetDue)] // d = 30 Nov = D: not yet due on D itself
    [InlineData("2026-11-25", LinkOutcome.NotYetDue)] // d = 5 Dec, after D
    public void A_deadline_on_or_after_the_as_of_date_is_not_yet_due(string firstAnchor, LinkOutcome expected)
    {
        RunEveryTenDays(firstAnchor, []).ShouldHaveSingleItem().Outcome.ShouldBe(expected);
    }

    [Fact]
    public void A_single_link_chain_stops_after_the_first_link()
    {
        // A0 1 Sep: d = 11 Sep, met by 5 Sep; the 8 Sep event would start a second link in a chain.
        var links = RunEveryTenDays("2026-09-01", ["2026-09-05", "2026-09-08"], singleLink: true);

        Summary(links).ShouldBe([(LinkOutcome.Met, Date("2026-09-01"), Date("2026-09-11"), Date("2026-09-05"))]);
    }

    [Fact]
    public void The_first_link_counts_an_event_on_its_anchor_later_links_only_events_after_theirs()
    {
        // Two events on 1 Sep, the first anchor. Link 0 (on or after 1 Sep): met by the first of them.
        // Link 1 (A 1 Sep, d = 11 Sep): the other 1 Sep event is not after A and does not count;
        // the 30 Aug event is before A. Nothing after 1 Sep, d < D: overdue.
        var links = RunEveryTenDays("2026-09-01", ["2026-09-01", "2026-08-30", "2026-09-01"]);

        Summary(links).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-09-01"), Date("2026-09-11"), Date("2026-09-01")),
            (LinkOutcome.Overdue, Date("2026-09-01"), Date("2026-09-11"), null),
        ]);
    }

    [Fact]
    public void Same_day_events_are_taken_in_the_callers_order()
    {
        var events = new[] { ("visits[2]", Date("2026-09-05")), ("visits[0]", Date("2026-09-05")) };

        var links = RunEveryTenDaysFromFirstSeptember(events, singleLink: true);

        links.ShouldHaveSingleItem().MetBy.Path.ShouldBe("visits[2]");
    }

    [Fact]
    public void Events_out_of_date_order_are_sorted_and_same_day_ones_keep_the_callers_order()
    {
        // Sorted: visits[2] 5 Sep, visits[0] 5 Sep, visits[1] 20 Sep. Link 0 (A0 1 Sep, d = 11 Sep): met
        // by visits[2], the first 5 Sep event given. Link 1 (A 5 Sep, d = 15 Sep): visits[0] is not after
        // A; visits[1] on 20 Sep is late. Link 2 (A 20 Sep, d = 30 Sep): nothing after, d < D: overdue.
        var events = new[] { ("visits[1]", Date("2026-09-20")), ("visits[2]", Date("2026-09-05")), ("visits[0]", Date("2026-09-05")) };

        var links = RunEveryTenDaysFromFirstSeptember(events);

        links.Select(link => (link.Outcome, link.Due, (string?)link.MetBy.Path)).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-09-11"), "visits[2]"),
            (LinkOutcome.Late, Date("2026-09-15"), "visits[1]"),
            (LinkOutcome.Overdue, Date("2026-09-30"), null),
        ]);
    }

    [Fact]
    public void A_chain_run_while_another_is_reading_its_events_leaves_both_intact()
    {
        // Chains reuse a buffer for their events: a chain run from inside another's DateOf must not share it.
        var alone = Summary(RunEveryTenDays("2026-09-01", ["2026-09-11", "2026-09-22"]));
        IReadOnlyList<ChainLink<DateOnly>>? inner = null;
        var outer = DeadlineChain.Run(
            new ChainDefinition<DateOnly>
            {
                FirstAnchor = Date("2026-09-01"),
                Deadline = link => DeadlineCalculator.Days(link.Anchor, 10),
                Events = [Date("2026-09-11"), Date("2026-09-22")],
                DateOf = date =>
                {
                    inner = RunEveryTenDays("2026-09-01", ["2026-09-11", "2026-09-22"]);
                    return date;
                },
            },
            AsOf);

        Summary(outer).ShouldBe(alone);
        Summary(inner!).ShouldBe(alone);
    }

    [Fact]
    public void Events_after_the_as_of_date_have_not_happened()
    {
        // A0 1 Nov: d = 11 Nov; the 5 Dec event is after D (30 Nov) and is ignored: overdue.
        RunEveryTenDays("2026-11-01", ["2026-12-05"]).ShouldHaveSingleItem().Outcome.ShouldBe(LinkOutcome.Overdue);
    }

    [Fact]
    public void The_deadline_function_sees_which_link_it_is()
    {
        // CSC1004's shape: first d = months(start, 3), later d = months(A, 6).
        // A0 31 Jan 2026: d = months(31 Jan, 3) = 30 Apr (clamped); review 30 Apr met.
        // A 30 Apr: d = months(30 Apr, 6) = 30 Oct; no review, 30 Oct < D: overdue.
        var links = DeadlineChain.Run(
            new ChainDefinition<DateOnly>
            {
                FirstAnchor = Date("2026-01-31"),
                Deadline = link => DeadlineCalculator.Months(link.Anchor, link.IsFirst ? 3 : 6),
                Events = [Date("2026-04-30")],
                DateOf = date => date,
            },
            AsOf);

        Summary(links).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-01-31"), Date("2026-04-30"), Date("2026-04-30")),
            (LinkOutcome.Overdue, Date("2026-04-30"), Date("2026-10-30"), null),
        ]);
    }

    private sealed record HealthAssessment(string Kind, DateOnly Date);

    private static IReadOnlyList<ChainLink<HealthAssessment>> RunHealthAssessments(params HealthAssessment[] assessments) =>
        DeadlineChain.Run(
            new ChainDefinition<HealthAssessment>
            {
                FirstAnchor = Date("2026-09-01"),
                Deadline = link => DeadlineCalculator.Days(link.Anchor, link.IsFirst ? 20 : 30),
                Events = assessments,
                DateOf = assessment => assessment.Date,
                CanMeet = (link, assessment) => !link.IsFirst || assessment.Kind == "initial",
            },
            AsOf);

    [Fact]
    public void A_per_link_predicate_decides_which_events_can_meet_a_link()
    {
        // CSC6003's shape: only an initial assessment meets the first link, any assessment a later one.
        // Link 0: A0 1 Sep, d = 21 Sep; the 10 Sep review cannot meet it, the 25 Sep initial does, late.
        // Link 1: A 25 Sep, d = 25 Oct; nothing after 25 Sep: overdue.
        var links = RunHealthAssessments(new("review", Date("2026-09-10")), new("initial", Date("2026-09-25")));

        Summary(links).ShouldBe(
        [
            (LinkOutcome.Late, Date("2026-09-01"), Date("2026-09-21"), Date("2026-09-25")),
            (LinkOutcome.Overdue, Date("2026-09-25"), Date("2026-10-25"), null),
        ]);
        links[0].MetBy!.Kind.ShouldBe("initial");
    }

    [Fact]
    public void A_later_link_is_met_by_any_event()
    {
        // Link 0: A0 1 Sep, d = 21 Sep, initial 10 Sep met. Link 1: A 10 Sep, d = 10 Oct, review 1 Oct met.
        // Link 2: A 1 Oct, d = 31 Oct, nothing after: overdue.
        var links = RunHealthAssessments(new("initial", Date("2026-09-10")), new("review", Date("2026-10-01")));

        links.Select(link => (link.Outcome, link.Due)).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-09-21")),
            (LinkOutcome.Met, Date("2026-10-10")),
            (LinkOutcome.Overdue, Date("2026-10-31")),
        ]);
        links[1].MetBy!.Kind.ShouldBe("review");
    }

    [Fact]
    public void A_deadline_beyond_the_calendar_is_after_the_as_of_date()
    {
        static IReadOnlyList<ChainLink<DateOnly>> Run(DateOnly[] events, DateOnly? periodEnd) =>
            DeadlineChain.Run(
                new ChainDefinition<DateOnly>
                {
                    FirstAnchor = Date("2026-09-01"),
                    Deadline = _ => DeadlineCalculator.BeyondCalendar,
                    Events = events,
                    DateOf = date => date,
                    PeriodEnd = periodEnd,
                    SingleLink = true,
                },
                AsOf);

        Run([], periodEnd: null).ShouldHaveSingleItem().Outcome.ShouldBe(LinkOutcome.NotYetDue);
        Run([Date("2026-11-20")], periodEnd: null).ShouldHaveSingleItem().Outcome.ShouldBe(LinkOutcome.Met);
        Run([], periodEnd: Date("2026-10-01")).ShouldHaveSingleItem().Outcome.ShouldBe(LinkOutcome.PeriodEnded);
    }

    [Fact]
    public void A_working_day_chain_across_christmas()
    {
        // CSC1001's shape: d = wd(A, 10) inclusive, as of Wed 20 Jan 2027.
        var calculator = new DeadlineCalculator(WorkingDayCalendar.Default, DayCounting.Inclusive, Date("2027-01-20"));

        var links = DeadlineChain.Run(
            new ChainDefinition<DateOnly>
            {
                FirstAnchor = Date("2026-12-14"),
                Deadline = link => calculator.WorkingDays(link.Anchor, 10),
                Events = [Date("2026-12-29"), Date("2027-01-13")],
                DateOf = date => date,
            },
            calculator.AsOf);

        // Link 0: wd(Mon 14 Dec, 10): 14 (1) .. 18 (5), 21 (6) .. 24 (9), Fri 25 and Mon 28 holidays, Tue 29 (10);
        //   visit 29 Dec met on the day.
        // Link 1: wd(Tue 29 Dec, 10): 29 (1), 30 (2), 31 (3), Fri 1 Jan holiday, Mon 4 (4) .. Fri 8 (8), Mon 11 (9), Tue 12 (10);
        //   visit Wed 13 Jan, late.
        // Link 2: wd(Wed 13 Jan, 10): 13 (1), 14 (2), 15 (3), 18 (4) .. 22 (8), Mon 25 (9), Tue 26 (10); after D: not yet due.
        Summary(links).ShouldBe(
        [
            (LinkOutcome.Met, Date("2026-12-14"), Date("2026-12-29"), Date("2026-12-29")),
            (LinkOutcome.Late, Date("2026-12-29"), Date("2027-01-12"), Date("2027-01-13")),
            (LinkOutcome.NotYetDue, Date("2027-01-13"), Date("2027-01-26"), null),
        ]);
    }
}
