using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1001", "Child protection visit overdue", RuleCategory.ChildProtection, Severity.Warning,
    Source = "Local child protection visit standards (no national figure)")]
[Description("A child on a child protection plan is seen within N working days of the plan's start, and again within N working days of every visit.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC1001ChildProtectionVisitOverdue : ComplianceRule
{
    public override void Define()
    {
        var interval = Parameter("visit_interval_working_days", 10, "Working days allowed from the plan's start, and from each visit, to the next visit");

        CaseAsOf @case = null!;
        CpPlan plan = null!;
        IEnumerable<Visit> visits = null!;

        When()
            .Match(() => @case)
            .Match(() => plan)
            .Query(() => visits, q => q
                .Match<Visit>(v => v.Seen, v => plan.Contains(v.Date))
                .Collect());

        Then()
            .Do(ctx => ReportLateVisits(ctx, @case, plan, visits, interval.Value));
    }

    private void ReportLateVisits(IContext context, CaseAsOf @case, CpPlan plan, IEnumerable<Visit> visits, int interval)
    {
        var links = RunChain(@case, plan.Id,
            new ChainDefinition<Visit>
            {
                FirstAnchor = plan.Start,
                Deadline = link => @case.Dates.WorkingDays(link.Anchor, interval),
                Events = visits,
                DateOf = visit => visit.Date,
                PeriodEnd = plan.End,
            });

        ReportBreaches(context, @case, links, "Child protection visit", DelayUnit.WorkingDays, plan.Id,
            link => new Dictionary<string, object?>
            {
                ["lastVisit"] = link.Index == 0 ? null : link.Anchor,
                ["intervalWorkingDays"] = interval,
            },
            link => [PreviousVisit(visits, link), link.MetBy],
            link => link.Index == 0
                ? $"no visit since the plan started on {Phrases.Date(plan.Start)}"
                : $"last visit {Phrases.Date(link.Anchor)}");
    }

    /// <summary>The visit a later link counts from: the one that met the link before it.</summary>
    private static Visit? PreviousVisit(IEnumerable<Visit> visits, ChainLink<Visit> link) =>
        link.Index == 0 ? null : visits.LastOrDefault(v => v.Date == link.Anchor);
}
