using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.LookedAfter;

[Diagnostic("CSC6002", "Looked-after review overdue", RuleCategory.LookedAfter, Severity.Error,
    Source = "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33")]
[Description("A looked-after child's case is reviewed within 20 working days of the start of the period of care, again within three months, and then at least every six months.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC6002LookedAfterReviewOverdue : LookedAfterChainRule
{
    public override void Define()
    {
        var firstWorkingDays = Parameter("first_review_working_days", 20, "Working days allowed from the start of the period of care to the first review");
        var secondMonths = Parameter("second_review_months", 3, "Months allowed from the first review to the second");
        var intervalMonths = Parameter("review_interval_months", 6, "Months allowed between later reviews");

        CaseAsOf @case = null!;
        CarePeriod period = null!;

        When()
            .Match(() => @case)
            .Match(() => period);

        Then()
            .Do(ctx => ReportLateReviews(ctx, @case, period, firstWorkingDays.Value, secondMonths.Value, intervalMonths.Value));
    }

    private void ReportLateReviews(IContext context, CaseAsOf @case, CarePeriod period, int firstWorkingDays, int secondMonths, int intervalMonths)
    {
        RunAndReport(context, @case, period.Id,
            new ChainDefinition<DatedRecord>
            {
                FirstAnchor = period.Start,
                Deadline = step => step.Index switch
                {
                    0 => @case.Dates.WorkingDays(step.Anchor, firstWorkingDays),
                    1 => DeadlineCalculator.Months(step.Anchor, secondMonths),
                    _ => DeadlineCalculator.Months(step.Anchor, intervalMonths),
                },
                Events = @case.Current.LookedAfter.Reviews.Where(review => period.Contains(review.Date)),
                DateOf = review => review.Date,
                PeriodEnd = period.End,
            },
            "Looked-after review", "review", $"no review since the period of care started on {Phrases.Date(period.Start)}", DelayUnit.WorkingDays,
            link =>
            {
                var (thresholdName, threshold) = ThresholdOf(link.Index, firstWorkingDays, secondMonths, intervalMonths);
                return new Dictionary<string, object?>
                {
                    ["periodStart"] = period.Start,
                    ["lastReview"] = link.Index == 0 ? null : link.Anchor,
                    [thresholdName] = threshold,
                };
            });
    }

    /// <summary>The threshold that set a link's deadline, by the argument name findings give it.</summary>
    private static (string Name, int Value) ThresholdOf(int index, int firstWorkingDays, int secondMonths, int intervalMonths) => index switch
    {
        0 => ("firstReviewWorkingDays", firstWorkingDays),
        1 => ("secondReviewMonths", secondMonths),
        _ => ("reviewIntervalMonths", intervalMonths),
    };
}
