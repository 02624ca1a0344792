using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Allocations;

[Diagnostic("CSC5001", "Case unallocated", RuleCategory.Allocation, Severity.Warning,
    Source = "Ofsted monitoring findings: unallocated cases")]
[Description("An open case has a social worker allocated: a case left without one for more than a few working days, since the last social worker's allocation ended or since the case opened, is reported.")]
[Reports(FindingStatus.Overdue)]
public sealed class CSC5001CaseUnallocated : ComplianceRule
{
    public override void Define()
    {
        var maxWorkingDays = Parameter("max_working_days", 5, "Working days an open case may go without a social worker");

        CaseAsOf @case = null!;
        IEnumerable<Allocation> ended = null!;

        When()
            .Match(() => @case, c => c.IsOpen, c => c.CurrentSocialWorker == null)
            .Query(() => ended, q => q
                .Match<Allocation>(a => a.Role == AllocationRole.SocialWorker, a => a.End != null)
                .Collect());

        Then()
            .Do(ctx => ReportIfUnallocatedTooLong(ctx, @case, ended, maxWorkingDays.Value));
    }

    private void ReportIfUnallocatedTooLong(IContext context, CaseAsOf @case, IEnumerable<Allocation> ended, int maxWorkingDays)
    {
        // No qualifying event can meet this deadline (any later allocation would be open at D),
        // so there is no chain to run: one deadline compared with D.
        var last = ended.MaxBy(a => a.End);
        var openDate = @case.OpenDate!.Value;
        var endedAfterOpening = last?.End is { } end && end > openDate;
        var unallocatedSince = endedAfterOpening ? last!.End!.Value : openDate;
        var due = @case.Dates.WorkingDays(unallocatedSince, maxWorkingDays);
        var notYetDue = due >= @case.AsOf;
        if (@case.Trace is { } trace)
        {
            TraceDeadline(trace, @case, endedAfterOpening ? last : null, unallocatedSince, due, maxWorkingDays, notYetDue);
        }

        if (notYetDue)
        {
            return;
        }

        Report(context, @case, FindingStatus.Overdue,
            $"Case unallocated: social worker allocation overdue by {Phrases.Delay(@case.Dates, due, @case.AsOf, DelayUnit.WorkingDays)} " +
            (endedAfterOpening
                ? $"(the last social worker allocation ended on {Phrases.Date(unallocatedSince)})"
                : $"(no social worker since the case opened on {Phrases.Date(openDate)})"),
            dueDate: due,
            arguments: new Dictionary<string, object?>
            {
                ["unallocatedSince"] = unallocatedSince,
                ["lastAllocationEnd"] = last?.End,
                ["openDate"] = openDate,
                ["maxWorkingDays"] = maxWorkingDays,
            },
            evidence: [last]);
    }

    /// <summary>The one link for the harness's timeline: where A came from (the allocation that ended, or the open date), and d = wd(A, N).</summary>
    private void TraceDeadline(ChainTrace trace, CaseAsOf @case, Allocation? ended, DateOnly unallocatedSince, DateOnly due, int maxWorkingDays, bool notYetDue)
    {
        var basis = new LinkBasis(
            ended is null ? "the case's open date" : $"end of the last social worker allocation, {ended.Path}",
            DeadlineNotation.WorkingDays(@case.Dates.Counting, unallocatedSince, maxWorkingDays, due),
            "no social worker allocated since");
        trace.Deadline(Id, subjectId: null, new TracedLink(0, unallocatedSince, due, notYetDue ? LinkOutcome.NotYetDue : LinkOutcome.Overdue, null, null, basis), [ended]);
    }
}
