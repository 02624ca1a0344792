using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Allocations;

[Diagnostic("CSC5002", "Frequent changes of social worker", RuleCategory.Allocation, Severity.Info,
    Source = "Ofsted monitoring findings: too many changes of social worker")]
[Description("A child has had more than a set number of different social workers allocated in the months up to the evaluation date.")]
[Reports(FindingStatus.Present)]
public sealed class CSC5002FrequentChangesOfSocialWorker : ComplianceRule
{
    public override void Define()
    {
        var maxWorkers = Parameter("max_workers", 3, "Distinct social workers allowed in the window; more is reported");
        var windowMonths = Parameter("window_months", 12, "Months up to D in which social worker allocations are counted");

        CaseAsOf @case = null!;
        IEnumerable<Allocation> inWindow = null!;

        When()
            .Match(() => @case)
            .Query(() => inWindow, q => q
                .Match<Allocation>(
                    a => a.Role == AllocationRole.SocialWorker,
                    a => OpenOnSomeDayOf(a, DeadlineCalculator.Months(@case.AsOf, -windowMonths.Value), @case.AsOf))
                .Collect())
            .Having(() => MoreWorkersThan(inWindow, maxWorkers.Value));

        Then()
            .Do(ctx => ReportWorkers(ctx, @case, inWindow, maxWorkers.Value, windowMonths.Value));
    }

    /// <summary>
    /// True when the allocation is open on at least one day from <paramref name="from"/> to
    /// <paramref name="to"/>, both included: on the later of its start and <paramref name="from"/>.
    /// </summary>
    private static bool OpenOnSomeDayOf(IPeriod allocation, DateOnly from, DateOnly to)
    {
        var firstDay = allocation.Start > from ? allocation.Start : from;
        return firstDay <= to && allocation.IsOpenOn(firstDay);
    }

    private static int DistinctWorkers(IEnumerable<Allocation> allocations) =>
        allocations.Select(a => a.WorkerId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Most cases have no more allocations than workers allowed, and need no set of distinct workers.</summary>
    private static bool MoreWorkersThan(IEnumerable<Allocation> allocations, int maxWorkers) =>
        allocations.Count() > maxWorkers && DistinctWorkers(allocations) > maxWorkers;

    private void ReportWorkers(IContext context, CaseAsOf @case, IEnumerable<Allocation> inWindow, int maxWorkers, int windowMonths)
    {
        var workers = DistinctWorkers(inWindow);
        var windowStart = DeadlineCalculator.Months(@case.AsOf, -windowMonths);
        Report(context, @case, FindingStatus.Present,
            $"{Phrases.Count(workers, "social worker")} allocated in the {Phrases.Count(windowMonths, "month")} up to {Phrases.Date(@case.AsOf)} (more than {maxWorkers})",
            arguments: new Dictionary<string, object?>
            {
                ["workers"] = workers,
                ["windowStart"] = windowStart,
                ["maxWorkers"] = maxWorkers,
                ["windowMonths"] = windowMonths,
            },
            evidence: inWindow.OrderBy(a => a.Start));
    }
}
