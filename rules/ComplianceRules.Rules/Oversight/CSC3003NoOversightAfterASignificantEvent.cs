using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Oversight;

[Diagnostic("CSC3003", "No oversight after a significant event", RuleCategory.Oversight, Severity.Warning,
    Source = "Ofsted monitoring findings: management oversight when circumstances change")]
[Description("A strategy discussion for an s47 enquiry, or a child going missing, is followed within a few working days by a manager's oversight recorded on the child's file.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC3003NoOversightAfterASignificantEvent : ComplianceRule
{
    public override void Define()
    {
        var workingDays = Parameter("working_days", 3, "Working days from the event by which a manager's oversight is due");

        CaseAsOf @case = null!;
        SignificantEvent significant = null!;
        IEnumerable<ManagementOversight> oversight = null!;

        When()
            .Match(() => @case)
            .Match(() => significant)
            .Query(() => oversight, q => q
                .Match<ManagementOversight>()
                .Collect());

        Then()
            .Do(ctx => ReportIfNoOversight(ctx, @case, significant, oversight, workingDays.Value));
    }

    private void ReportIfNoOversight(IContext context, CaseAsOf @case, SignificantEvent significant, IEnumerable<ManagementOversight> oversight, int workingDays)
    {
        // No governing period: the case is the period (overdue while it is open at D, else missed).
        var links = RunChain(@case, significant.Id,
            new ChainDefinition<ManagementOversight>
            {
                FirstAnchor = significant.Date,
                Deadline = link => @case.Dates.WorkingDays(link.Anchor, workingDays),
                Events = oversight,
                DateOf = record => record.Date,
                SingleLink = true,
                OpenAtAsOf = @case.IsOpen,
            });

        ReportBreaches(context, @case, links, "Management oversight", DelayUnit.WorkingDays, significant.Id,
            link => new Dictionary<string, object?>
            {
                ["event"] = significant.Kind,
                ["eventDate"] = significant.Date,
                ["workingDays"] = workingDays,
            },
            detail: _ => $"none since the {significant.Describe()}");
    }
}
