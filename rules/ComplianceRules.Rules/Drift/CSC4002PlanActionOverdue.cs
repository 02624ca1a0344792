using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4002", "Plan action overdue", RuleCategory.Drift, Severity.Info,
    Source = "Ofsted monitoring findings: plans not progressed")]
[Description("Actions on an open child protection or child in need plan are completed by their due date; outstanding actions past it are reported per plan and due date.")]
[Reports(FindingStatus.Overdue)]
public sealed class CSC4002PlanActionOverdue : ComplianceRule
{
    public override void Define()
    {
        var graceDays = Parameter("grace_days", 0, "Days after an action's due date before it is reported as overdue");

        CaseAsOf @case = null!;
        OpenPlan plan = null!;
        IGrouping<DateOnly?, PlanAction> overdue = null!;

        When()
            .Match(() => @case)
            .Match(() => plan)
            .Query(() => overdue, q => q
                .Match<PlanAction>(
                    a => a.PlanId == plan.Id,
                    a => a.Completed == null,
                    a => a.Due != null,
                    // The harness's timeline also shows the actions still within their grace, and when they fall due.
                    a => @case.Trace != null || IsOverdue(a.Due!.Value, graceDays.Value, @case.AsOf))
                .GroupBy(a => a.Due));

        Then()
            .Do(ctx => ReportOverdueActions(ctx, @case, plan, overdue.Key!.Value, overdue.ToArray(), graceDays.Value));
    }

    private void ReportOverdueActions(IContext context, CaseAsOf @case, OpenPlan plan, DateOnly due, IReadOnlyList<PlanAction> actions, int graceDays)
    {
        var overdue = IsOverdue(due, graceDays, @case.AsOf);
        if (@case.Trace is { } trace)
        {
            TraceDeadline(trace, plan, due, actions, graceDays, overdue);
        }

        if (!overdue)
        {
            return;
        }

        Report(context, @case, FindingStatus.Overdue,
            $"{Phrases.Count(actions.Count, "action")} on {plan.Kind} {plan.Id} overdue by {Phrases.Delay(@case.Dates, due, @case.AsOf, DelayUnit.Days)} (due {Phrases.Date(due)})",
            subjectId: plan.Id,
            dueDate: due,
            arguments: new Dictionary<string, object?>
            {
                ["due"] = due,
                ["count"] = actions.Count,
                ["graceDays"] = graceDays,
            },
            evidence: actions);
    }

    /// <summary>rules.md: overdue once days(due, grace_days) is before D.</summary>
    private static bool IsOverdue(DateOnly due, int graceDays, DateOnly asOf) => DeadlineCalculator.Days(due, graceDays) < asOf;

    /// <summary>
    /// The one link for the harness's timeline: the actions' own due date, and the end of the grace
    /// after which they are overdue (or, still within it, not yet due).
    /// </summary>
    private void TraceDeadline(ChainTrace trace, OpenPlan plan, DateOnly due, IReadOnlyList<PlanAction> actions, int graceDays, bool overdue)
    {
        var basis = new LinkBasis(
            $"the due date of {string.Join(", ", actions.Select(a => a.Path))}",
            $"{DeadlineNotation.Date(due)}, overdue after {DeadlineNotation.Days(due, graceDays, DeadlineCalculator.Days(due, graceDays))}",
            "not completed");
        trace.Deadline(Id, plan.Id, new TracedLink(0, due, due, overdue ? LinkOutcome.Overdue : LinkOutcome.NotYetDue, null, null, basis), actions);
    }
}
