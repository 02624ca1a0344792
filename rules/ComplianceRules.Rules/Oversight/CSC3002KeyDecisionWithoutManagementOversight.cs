using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Oversight;

[Diagnostic("CSC3002", "Key decision without management oversight", RuleCategory.Oversight, Severity.Warning,
    Source = "Ofsted monitoring findings: \"clear rationale for decisions, particularly closing a CP plan\"")]
[Description("Every key decision (a CP plan, CIN plan, referral episode or period of care ending, or pre-proceedings stepped down) has a manager's oversight recorded from a few working days before it to a few working days after it.")]
[Reports(FindingStatus.Late, FindingStatus.Missed)]
public sealed class CSC3002KeyDecisionWithoutManagementOversight : ComplianceRule
{
    public override void Define()
    {
        var before = Parameter("before_working_days", 10, "Working days before the decision from which a manager's oversight counts (wdBack)");
        var after = Parameter("after_working_days", 5, "Working days after the decision by which a manager's oversight is due (wd)");

        CaseAsOf @case = null!;
        KeyDecision decision = null!;
        IEnumerable<ManagementOversight> oversight = null!;

        When()
            .Match(() => @case)
            .Match(() => decision)
            .Query(() => oversight, q => q
                .Match<ManagementOversight>()
                .Collect());

        Then()
            .Do(ctx => ReportIfWithoutOversight(ctx, @case, decision, oversight, before.Value, after.Value));
    }

    private void ReportIfWithoutOversight(IContext context, CaseAsOf @case, KeyDecision decision, IEnumerable<ManagementOversight> oversight, int before, int after)
    {
        // A single link whose first anchor is the start of the window: the chain's first link is
        // met by an event on or after its anchor, so oversight shortly before the decision counts.
        var windowStart = @case.Dates.WorkingDaysBack(decision.Date, before);
        var links = RunChain(@case, decision.Id,
            new ChainDefinition<ManagementOversight>
            {
                FirstAnchor = windowStart,
                Deadline = _ => @case.Dates.WorkingDays(decision.Date, after),
                Events = oversight,
                DateOf = record => record.Date,
                SingleLink = true,
                OpenAtAsOf = false, // the row: no oversight by the deadline is `missed`, open case or not
            });

        ReportBreaches(context, @case, links, "Management oversight of a key decision", DelayUnit.WorkingDays, decision.Id,
            link => new Dictionary<string, object?>
            {
                ["decision"] = decision.Kind,
                ["decisionDate"] = decision.Date,
                ["windowStart"] = windowStart,
                ["beforeWorkingDays"] = before,
                ["afterWorkingDays"] = after,
            },
            detail: _ => decision.Describe());
    }
}
