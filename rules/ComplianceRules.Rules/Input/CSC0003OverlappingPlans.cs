using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Input;

[Diagnostic("CSC0003", "Overlapping plans", RuleCategory.Input, Severity.Warning,
    Source = "case-file.md (data quality)")]
[Description("A child has one child protection plan and one period of care at a time; a plan or period open on a day an earlier one is still open is usually an end date that was never recorded.")]
[Reports(FindingStatus.Present)]
public sealed class CSC0003OverlappingPlans : ComplianceRule
{
    public override void Define()
    {
        CaseAsOf @case = null!;

        When()
            .Match(() => @case);

        Then()
            .Do(ctx => ReportOverlaps(ctx, @case));
    }

    private void ReportOverlaps(IContext context, CaseAsOf @case)
    {
        ReportOverlaps(context, @case, @case.Current.CpPlans, "Child protection plan");
        ReportOverlaps(context, @case, @case.Current.LookedAfter.Periods, "Period of care");
    }

    /// <summary>One finding per record that is open on some day together with an earlier one (by start, then id).</summary>
    private void ReportOverlaps<T>(IContext context, CaseAsOf @case, IReadOnlyList<T> records, string what)
        where T : CaseRecord, IPeriod, IIdentifiedRecord
    {
        // Most cases have one plan and one period of care at most: nothing to order.
        if (records.Count < 2)
        {
            return;
        }

        var ordered = records.OrderBy(r => r.Start).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        for (var later = 1; later < ordered.Length; later++)
        {
            // Earlier records start on or before this one, so any day both are open begins on its start.
            var record = ordered[later];
            if (!record.IsOpenOn(record.Start))
            {
                continue;
            }

            var earlier = ordered.Take(later).Where(e => e.IsOpenOn(record.Start)).ToArray();
            if (earlier.Length == 0)
            {
                continue;
            }

            var earlierIds = earlier.Select(e => e.Id).ToArray();
            Report(context, @case, FindingStatus.Present,
                $"{what} {record.Id} started {Phrases.Date(record.Start)} while {string.Join(", ", earlierIds)} {(earlierIds.Length == 1 ? "was" : "were")} still open",
                record.Id,
                arguments: new Dictionary<string, object?>
                {
                    ["start"] = record.Start,
                    ["overlaps"] = earlierIds,
                },
                evidence: [record, .. earlier]);
        }
    }
}
