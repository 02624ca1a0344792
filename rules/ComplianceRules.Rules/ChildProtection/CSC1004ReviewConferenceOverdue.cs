using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1004", "Review conference overdue", RuleCategory.ChildProtection, Severity.Warning,
    Source = "Working Together to Safeguard Children 2023 (first review conference within 3 months of the initial conference, then at least every 6 months)")]
[Description("A child protection plan is reviewed at a review conference within 3 months of its start, and then at intervals of no more than 6 months.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC1004ReviewConferenceOverdue : ComplianceRule
{
    public override void Define()
    {
        var firstReviewMonths = Parameter("first_review_months", 3, "Months from the plan's start to the first review conference");
        var reviewIntervalMonths = Parameter("review_interval_months", 6, "Months allowed between review conferences after the first");

        CaseAsOf @case = null!;
        CpPlan plan = null!;
        IEnumerable<Conference> reviews = null!;

        // Review conferences name no plan: they belong to the plan they fall inside.
        When()
            .Match(() => @case)
            .Match(() => plan)
            .Query(() => reviews, q => q
                .Match<Conference>(c => c.Kind == ConferenceKind.Review, c => plan.Contains(c.Date))
                .Collect());

        Then()
            .Do(ctx => ReportLateReviews(ctx, @case, plan, reviews, firstReviewMonths.Value, reviewIntervalMonths.Value));
    }

    private void ReportLateReviews(IContext context, CaseAsOf @case, CpPlan plan, IEnumerable<Conference> reviews, int firstReviewMonths, int reviewIntervalMonths)
    {
        var links = RunChain(@case, plan.Id,
            new ChainDefinition<Conference>
            {
                FirstAnchor = plan.Start,
                Deadline = link => DeadlineCalculator.Months(link.Anchor, link.IsFirst ? firstReviewMonths : reviewIntervalMonths),
                Events = reviews,
                DateOf = review => review.Date,
                PeriodEnd = plan.End,
            });

        ReportBreaches(context, @case, links, "Review conference", DelayUnit.Days, plan.Id,
            link => new Dictionary<string, object?>
            {
                ["lastReview"] = link.Index == 0 ? null : link.Anchor,
                ["firstReviewMonths"] = firstReviewMonths,
                ["reviewIntervalMonths"] = reviewIntervalMonths,
            },
            link => [link.Index == 0 ? null : reviews.LastOrDefault(r => r.Date == link.Anchor), link.MetBy],
            link => link.Index == 0
                ? $"no review since the plan started on {Phrases.Date(plan.Start)}"
                : $"last review {Phrases.Date(link.Anchor)}");
    }
}
