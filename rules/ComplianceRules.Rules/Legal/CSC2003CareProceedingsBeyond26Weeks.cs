using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Legal;

[Diagnostic("CSC2003", "Care proceedings beyond 26 weeks", RuleCategory.Legal, Severity.Error,
    Source = "Children Act 1989 s32(1)(a)(ii)")]
[Description("Care proceedings must be concluded within 26 weeks beginning with the day the application was issued.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue)]
public sealed class CSC2003CareProceedingsBeyond26Weeks : ComplianceRule
{
    public override void Define()
    {
        var maxWeeks = Parameter("max_weeks", 26, "Weeks, beginning with the day of issue, within which proceedings should conclude");

        CaseAsOf @case = null!;
        Proceedings proceedings = null!;

        When()
            .Match(() => @case)
            .Match(() => proceedings);

        Then()
            .Do(ctx => ReportBeyondLimit(ctx, @case, proceedings, maxWeeks.Value));
    }

    private void ReportBeyondLimit(IContext context, CaseAsOf @case, Proceedings proceedings, int maxWeeks)
    {
        // "26 weeks beginning with the day of issue": the day of issue is day 1, so the last day is one day before weeks(issued, 26).
        var due = DeadlineCalculator.Days(DeadlineCalculator.Weeks(proceedings.Issued, maxWeeks), -1);
        var links = RunChain(@case, proceedings.Id, ConclusionDeadline.Chain(proceedings, proceedings.Issued, due, p => p.Concluded));

        ReportBreaches(context, @case, links, "Conclusion of care proceedings", DelayUnit.Days, proceedings.Id,
            link => new Dictionary<string, object?>
            {
                ["issued"] = proceedings.Issued,
                ["concluded"] = link.MetOn,
                ["maxWeeks"] = maxWeeks,
            },
            detail: _ => $"issued {Phrases.Date(proceedings.Issued)}");
    }
}
