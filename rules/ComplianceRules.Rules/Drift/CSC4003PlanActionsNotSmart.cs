using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4003", "Plan actions not SMART", RuleCategory.Drift, Severity.Info,
    Source = "Ofsted monitoring findings: \"plans were not SMART\"")]
[Description("Every outstanding action on an open child protection or child in need plan names who owns it and when it is due.")]
[Reports(FindingStatus.Present)]
public sealed class CSC4003PlanActionsNotSmart : ComplianceRule
{
    public override void Define()
    {
        CaseAsOf @case = null!;
        OpenPlan plan = null!;
        IEnumerable<PlanAction> vague = null!;

        When()
            .Match(() => @case)
            .Match(() => plan)
            .Query(() => vague, q => q
                .Match<PlanAction>(
                    a => a.PlanId == plan.Id,
                    a => a.Completed == null,
                    a => string.IsNullOrWhiteSpace(a.Owner) || a.Due == null)
                .Collect())
            .Having(() => vague.Any());

        Then()
            .Do(ctx => ReportVagueActions(ctx, @case, plan, vague.ToArray()));
    }

    private void ReportVagueActions(IContext context, CaseAsOf @case, OpenPlan plan, IReadOnlyList<PlanAction> actions)
    {
        var withoutOwner = actions.Count(a => string.IsNullOrWhiteSpace(a.Owner));
        var withoutDue = actions.Count(a => a.Due is null);

        Report(context, @case, FindingStatus.Present,
            $"{Phrases.Count(actions.Count, "outstanding action")} on {plan.Kind} {plan.Id} not SMART ({withoutOwner} without an owner, {withoutDue} without a due date)",
            subjectId: plan.Id,
            arguments: new Dictionary<string, object?>
            {
                ["count"] = actions.Count,
                ["withoutOwner"] = withoutOwner,
                ["withoutDue"] = withoutDue,
            },
            evidence: actions);
    }
}
