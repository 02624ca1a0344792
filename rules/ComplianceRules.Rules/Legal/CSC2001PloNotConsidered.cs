using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Legal;

[Diagnostic("CSC2001", "PLO not considered", RuleCategory.Legal, Severity.Warning,
    Source = "Ofsted monitoring findings: \"PLO should be considered earlier for repeat or long-standing CP plans\"")]
[Description("A child protection plan that has been open a long time, or that repeats an earlier plan, needs a recorded decision on the Public Law Outline: a legal planning meeting, pre-proceedings or proceedings since the plan started.")]
[Reports(FindingStatus.Present)]
public sealed class CSC2001PloNotConsidered : ComplianceRule
{
    public override void Define()
    {
        var planMonths = Parameter("plan_months", 9, "Months open after which a CP plan is long-standing");
        var includeRepeatPlans = Parameter("include_repeat_plans", true, "Whether repeat plans need PLO considered too");
        var repeatWindowMonths = Parameter("repeat_window_months", 24, "Months after an earlier plan's end within which a new plan is a repeat (0 = ever)");

        CaseAsOf @case = null!;
        OpenCpPlan open = null!;
        IEnumerable<RepeatCpPlan> repeats = null!;

        When()
            .Match(() => @case)
            .Match(() => open)
            .Query(() => repeats, q => q
                .Match<RepeatCpPlan>(r => r.Plan == open.Plan, r => r.StartedWithin(repeatWindowMonths.Value))
                .Collect())
            .Having(() => open.OpenFor(planMonths.Value) || (includeRepeatPlans.Value && repeats.Any()))
            .Not<LegalPlanningMeeting>(m => m.Date >= open.Plan.Start)
            .Not<PreProceedings>(p => p.Start >= open.Plan.Start)
            .Not<Proceedings>(p => p.Issued >= open.Plan.Start);

        Then()
            .Do(ctx => ReportPloNotConsidered(ctx, @case, open, repeats, planMonths.Value, includeRepeatPlans.Value, repeatWindowMonths.Value));
    }

    private void ReportPloNotConsidered(IContext context, CaseAsOf @case, OpenCpPlan open, IEnumerable<RepeatCpPlan> repeats, int planMonths, bool includeRepeatPlans, int repeatWindowMonths)
    {
        var longStanding = open.OpenFor(planMonths);
        // The most recent earlier plan is "the last one"; with repeat plans left out, being a repeat did not produce the finding.
        var repeat = includeRepeatPlans ? repeats.MaxBy(r => r.EarlierEnd) : null;
        var why = (longStanding, repeat) switch
        {
            (true, not null) => $"a repeat plan open for {Phrases.Duration(open.Plan.Start, @case.AsOf)}",
            (true, null) => $"open for {Phrases.Duration(open.Plan.Start, @case.AsOf)}",
            _ => $"a repeat plan starting {Phrases.Duration(repeat!.EarlierEnd, open.Plan.Start)} after the last one ended",
        };

        Report(context, @case, FindingStatus.Present,
            $"PLO not considered for child protection plan {open.Plan.Id} ({why}): no legal planning meeting, pre-proceedings or proceedings since {Phrases.Date(open.Plan.Start)}",
            subjectId: open.Plan.Id,
            arguments: new Dictionary<string, object?>
            {
                ["planStart"] = open.Plan.Start,
                ["longStanding"] = longStanding,
                ["repeatPlan"] = repeat is not null,
                ["previousPlanEnd"] = repeat?.EarlierEnd,
                ["planMonths"] = planMonths,
                ["includeRepeatPlans"] = includeRepeatPlans,
                ["repeatWindowMonths"] = repeatWindowMonths,
            },
            evidence: repeat?.Sources);
    }
}
