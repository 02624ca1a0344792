using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.CareLeavers;

[Diagnostic("CSC8002", "Pathway plan review overdue", RuleCategory.CareLeavers, Severity.Warning,
    Source = "Care Leavers (England) Regulations 2010 (pathway plan reviewed at least every six months); Care Planning, Placement and Case Review (England) Regulations 2010")]
[Description("A pathway plan is reviewed within N months of the plan and of every review, while the young person is under the maximum age.")]
[RequiresDateOfBirth]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC8002PathwayPlanReviewOverdue : ComplianceRule
{
    public override void Define()
    {
        var interval = Parameter("review_interval_months", 6, "Months allowed from the pathway plan, and from each review, to the next review");
        var maxAge = Parameter("max_age_years", 21, "Age from which reviews are no longer enforced");

        CaseAsOf @case = null!;

        When()
            .Match(() => @case, c => c.DateOfBirth != null, c => c.Current.CareLeaver.PathwayPlans.Count > 0);

        Then()
            .Do(ctx => ReportLateReviews(ctx, @case, interval.Value, maxAge.Value));
    }

    private void ReportLateReviews(IContext context, CaseAsOf @case, int interval, int maxAge)
    {
        var plans = @case.Current.CareLeaver.PathwayPlans;
        var firstPlanDate = plans.Min(p => p.Date);

        // A deadline on or after the birthday at max_age is not enforced: the chain treats that
        // birthday as the end of its governing period, open at D while the young person is under it.
        var birthdayAtMaxAge = @case.BirthdayAt(maxAge);
        var links = RunChain(@case, null,
            new ChainDefinition<DatedRecord>
            {
                FirstAnchor = firstPlanDate,
                Deadline = link => DeadlineCalculator.Months(link.Anchor, interval),
                Events = plans.Where(p => p.Date > firstPlanDate),
                DateOf = review => review.Date,
                PeriodEnd = birthdayAtMaxAge,
                OpenAtAsOf = @case.AsOf < birthdayAtMaxAge,
            });

        ReportBreaches(context, @case, links, "Pathway plan review", DelayUnit.Days, subjectId: null,
            link => new Dictionary<string, object?>
            {
                ["lastPlanOrReview"] = link.Anchor,
                ["reviewIntervalMonths"] = interval,
                ["maxAgeYears"] = maxAge,
            },
            link => [plans.FirstOrDefault(p => p.Date == link.Anchor), link.MetBy],
            link => link.Index == 0
                ? $"no review since the pathway plan of {Phrases.Date(link.Anchor)}"
                : $"last review {Phrases.Date(link.Anchor)}");
    }
}
