using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.ChildProtection;

/// <summary>
/// CSC1010 and CSC1011: a child protection plan open at D that has been open at least
/// <c>months</c> (months(start, months) ≤ D). The two rules differ only in their default and severity.
/// </summary>
public abstract class LongOpenCpPlanRule : ComplianceRule
{
    /// <summary>The shipped value of the rule's <c>months</c> parameter.</summary>
    protected abstract int DefaultMonths { get; }

    public override void Define()
    {
        var months = Parameter("months", DefaultMonths, "Months a child protection plan may be open before it is reported");

        CaseAsOf @case = null!;
        OpenCpPlan open = null!;

        When()
            .Match(() => @case)
            .Match(() => open, p => p.OpenFor(months.Value));

        Then()
            .Do(ctx => ReportLongOpenPlan(ctx, @case, open, months.Value));
    }

    private void ReportLongOpenPlan(IContext context, CaseAsOf @case, OpenCpPlan open, int months)
    {
        Report(context, @case, FindingStatus.Present,
            $"Child protection plan open for {Phrases.Duration(open.Plan.Start, @case.AsOf)}",
            subjectId: open.Plan.Id,
            arguments: new Dictionary<string, object?>
            {
                ["planStart"] = open.Plan.Start,
                ["months"] = months,
            });
    }
}
