using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Legal;

[Diagnostic("CSC2002", "Pre-proceedings beyond 16 weeks", RuleCategory.Legal, Severity.Warning,
    Source = "Public Law Working Group best-practice guidance (2021)")]
[Description("PLO pre-proceedings should conclude, by stepping down or issuing proceedings, within 16 weeks of their start.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue)]
public sealed class CSC2002PreProceedingsBeyond16Weeks : ComplianceRule
{
    public override void Define()
    {
        var maxWeeks = Parameter("max_weeks", 16, "Weeks from the start of pre-proceedings by which they should have ended");

        CaseAsOf @case = null!;
        PreProceedings preProceedings = null!;

        When()
            .Match(() => @case)
            .Match(() => preProceedings);

        Then()
            .Do(ctx => ReportBeyondLimit(ctx, @case, preProceedings, maxWeeks.Value));
    }

    private void ReportBeyondLimit(IContext context, CaseAsOf @case, PreProceedings preProceedings, int maxWeeks)
    {
        var due = DeadlineCalculator.Weeks(preProceedings.Start, maxWeeks);
        var links = RunChain(@case, preProceedings.Id, ConclusionDeadline.Chain(preProceedings, preProceedings.Start, due, p => p.End));

        ReportBreaches(context, @case, links, "End of pre-proceedings", DelayUnit.Days, preProceedings.Id,
            link => new Dictionary<string, object?>
            {
                ["start"] = preProceedings.Start,
                ["end"] = link.MetOn,
                ["maxWeeks"] = maxWeeks,
            },
            detail: _ => $"started {Phrases.Date(preProceedings.Start)}");
    }
}
