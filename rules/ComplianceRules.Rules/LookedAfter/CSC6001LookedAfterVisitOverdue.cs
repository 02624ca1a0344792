using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.LookedAfter;

[Diagnostic("CSC6001", "Looked-after visit overdue", RuleCategory.LookedAfter, Severity.Error,
    Source = "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28")]
[Description("A looked-after child is visited in each placement within a week of its start, then at least every six weeks in the first year and every three months after that in a long-term placement; a child placed with parents is visited weekly until the first review.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC6001LookedAfterVisitOverdue : LookedAfterChainRule
{
    /// <summary>A placement with parents is visited weekly until its first review (fixed by reg 28, not a threshold).</summary>
    private const int WeeklyDays = 7;

    public override void Define()
    {
        var firstVisitDays = Parameter("first_visit_days", 7, "Days allowed from the placement's start to the first visit");
        var intervalWeeks = Parameter("interval_weeks", 6, "Weeks allowed between visits in the first year, and after it unless the placement is long-term");
        var longTermMonths = Parameter("long_term_interval_months", 3, "Months allowed between visits in a long-term placement after its first year");

        CaseAsOf @case = null!;
        Placement placement = null!;
        IEnumerable<Visit> visits = null!;

        When()
            .Match(() => @case)
            .Match(() => placement)
            .Query(() => visits, q => q
                .Match<Visit>(v => v.Seen, v => placement.Contains(v.Date))
                .Collect());

        Then()
            .Do(ctx => ReportLateVisits(ctx, @case, placement, visits,
                new VisitIntervals(firstVisitDays.Value, intervalWeeks.Value, longTermMonths.Value)));
    }

    private void ReportLateVisits(IContext context, CaseAsOf @case, Placement placement, IEnumerable<Visit> visits, VisitIntervals intervals)
    {
        // R: the first looked-after review strictly after the placement's start ends weekly visiting with parents.
        var firstReview = placement.WithParents
            ? @case.Current.LookedAfter.Reviews.Where(r => r.Date > placement.Start).MinBy(r => r.Date)?.Date
            : null;

        RunAndReport(context, @case, placement.Id,
            new ChainDefinition<Visit>
            {
                FirstAnchor = placement.Start,
                Deadline = step => ScheduleFor(placement, firstReview, intervals, step).Due,
                Events = visits,
                DateOf = visit => visit.Date,
                PeriodEnd = placement.End,
            },
            "Looked-after visit", "visit", $"no visit since the placement started on {Phrases.Date(placement.Start)}", DelayUnit.Days,
            link =>
            {
                var schedule = ScheduleFor(placement, firstReview, intervals, new ChainStep(link.Index, link.Anchor));
                return new Dictionary<string, object?>
                {
                    ["placementStart"] = placement.Start,
                    ["lastVisit"] = link.Index == 0 ? null : link.Anchor,
                    ["schedule"] = schedule.Name,
                    [schedule.ThresholdName] = schedule.Threshold,
                    ["firstReview"] = firstReview,
                };
            });
    }

    /// <summary>
    /// The deadline of one link, and which of the row's intervals set it: the first visit; weekly
    /// with parents while A is before R; six-weekly while A is in the placement's first year; after
    /// it, three-monthly in a long-term placement, else six-weekly.
    /// </summary>
    private static VisitSchedule ScheduleFor(Placement placement, DateOnly? firstReview, VisitIntervals intervals, ChainStep step)
    {
        var anchor = step.Anchor;
        if (step.IsFirst)
        {
            return new("firstVisit", "firstVisitDays", intervals.FirstVisitDays, DeadlineCalculator.Days(anchor, intervals.FirstVisitDays));
        }

        if (placement.WithParents && (firstReview is null || anchor < firstReview))
        {
            return new("weeklyWithParents", "weeklyDays", WeeklyDays, DeadlineCalculator.Days(anchor, WeeklyDays));
        }

        var inFirstYear = anchor < DeadlineCalculator.Months(placement.Start, 12);
        return !inFirstYear && placement.LongTerm
            ? new("longTerm", "longTermIntervalMonths", intervals.LongTermMonths, DeadlineCalculator.Months(anchor, intervals.LongTermMonths))
            : new(inFirstYear ? "firstYear" : "afterFirstYear", "intervalWeeks", intervals.Weeks, DeadlineCalculator.Weeks(anchor, intervals.Weeks));
    }

    private sealed record VisitIntervals(int FirstVisitDays, int Weeks, int LongTermMonths);

    // A struct: one is made for every link of every placement's visit chain.
    private readonly record struct VisitSchedule(string Name, string ThresholdName, int Threshold, DateOnly Due);
}
