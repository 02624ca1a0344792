using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1012", "Repeat child protection plan", RuleCategory.ChildProtection, Severity.Info,
    Source = "DfE Characteristics of children in need: child protection plans starting within 2 years of a previous plan")]
[Description("A child protection plan, open now or started within the lookback, that began within a window after an earlier plan ended: a repeat plan.")]
[Reports(FindingStatus.Present)]
public sealed class CSC1012RepeatChildProtectionPlan : ComplianceRule
{
    public override void Define()
    {
        var windowMonths = Parameter("window_months", 24, "Months after an earlier plan's end within which a new plan is a repeat (0 = ever)");

        CaseAsOf @case = null!;
        CpPlan plan = null!;
        IEnumerable<RepeatCpPlan> repeats = null!;

        // One finding per plan, however many earlier plans it repeats.
        When()
            .Match(() => @case)
            .Match(() => plan, p => p.IsOpenOn(@case.AsOf) || @case.IsWithinLookback(p.Start))
            .Query(() => repeats, q => q
                .Match<RepeatCpPlan>(r => r.Plan == plan, r => r.StartedWithin(windowMonths.Value))
                .Collect())
            .Having(() => repeats.Any());

        Then()
            .Do(ctx => ReportRepeatPlan(ctx, @case, plan, repeats, windowMonths.Value));
    }

    private void ReportRepeatPlan(IContext context, CaseAsOf @case, CpPlan plan, IEnumerable<RepeatCpPlan> repeats, int windowMonths)
    {
        // The plan it repeats is the one that ended last before it started.
        var previous = repeats.MaxBy(r => r.EarlierEnd)!;
        Report(context, @case, FindingStatus.Present,
            $"Repeat child protection plan: started {Phrases.Date(plan.Start)}, {Phrases.Duration(previous.EarlierEnd, plan.Start)} after the previous plan ended on {Phrases.Date(previous.EarlierEnd)}",
            subjectId: plan.Id,
            arguments: new Dictionary<string, object?>
            {
                ["planStart"] = plan.Start,
                ["previousPlanId"] = previous.Earlier.Id,
                ["previousPlanEnd"] = previous.EarlierEnd,
                ["windowMonths"] = windowMonths,
            },
            evidence: previous.Sources);
    }
}
