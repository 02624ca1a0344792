using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4004", "CIN plan review overdue", RuleCategory.Drift, Severity.Info,
    Source = "Local child in need review standards")]
[Description("A child in need plan is reviewed within N months of its start, and again within N months of every review.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC4004CinPlanReviewOverdue : ComplianceRule
{
    public override void Define()
    {
        var interval = Parameter("review_interval_months", 3, "Months allowed from the plan's start, and from each review, to the next review");

        CaseAsOf @case = null!;
        CinPlan plan = null!;

        When()
            .Match(() => @case)
            .Match(() => plan);

        Then()
            .Do(ctx => ReportLateReviews(ctx, @case, plan, interval.Value));
    }

    private void ReportLateReviews(IContext context, CaseAsOf @case, CinPlan plan, int interval)
    {
        // The plan's reviews as of D (CaseFacts: read through the plan record), counted only inside the plan.
        var reviews = plan.Reviews.Where(r => plan.Contains(r.Date)).ToArray();
        var links = RunChain(@case, plan.Id,
            new ChainDefinition<DatedRecord>
            {
                FirstAnchor = plan.Start,
                Deadline = link => DeadlineCalculator.Months(link.Anchor, interval),
                Events = reviews,
                DateOf = review => review.Date,
                PeriodEnd = plan.End,
            });

        ReportBreaches(context, @case, links, "Child in need plan review", DelayUnit.Days, plan.Id,
            link => new Dictionary<string, object?>
            {
                ["lastReview"] = link.Index == 0 ? null : link.Anchor,
                ["intervalMonths"] = interval,
            },
            link => [PreviousReview(reviews, link), link.MetBy],
            link => link.Index == 0
                ? $"no review since the plan started on {Phrases.Date(plan.Start)}"
                : $"last review {Phrases.Date(link.Anchor)}");
    }

    /// <summary>The review a later link counts from: the one that met the link before it.</summary>
    private static DatedRecord? PreviousReview(IReadOnlyList<DatedRecord> reviews, ChainLink<DatedRecord> link) =>
        link.Index == 0 ? null : reviews.LastOrDefault(r => r.Date == link.Anchor);
}
