using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Oversight;

[Diagnostic("CSC3001", "Case supervision overdue", RuleCategory.Oversight, Severity.Warning,
    Source = "Local supervision policies (\"at least monthly\"); Ofsted: supervision not evidenced on the child's file")]
[Description("An open case has supervision recorded on the child's file within an interval set by its status: child protection, looked after, or child in need.")]
[Reports(FindingStatus.Overdue)]
public sealed class CSC3001CaseSupervisionOverdue : ComplianceRule
{
    public override void Define()
    {
        var cpInterval = Parameter("cp_interval_days", 30, "Days allowed between supervisions while a CP plan is open");
        var claInterval = Parameter("cla_interval_days", 60, "Days allowed between supervisions while the child is looked after");
        var cinInterval = Parameter("cin_interval_days", 60, "Days allowed between supervisions for a child in need");

        CaseAsOf @case = null!;
        IEnumerable<Supervision> supervisions = null!;
        NextSupervisionDue next = default;

        When()
            .Match(() => @case, c => c.IsOpen)
            .Query(() => supervisions, q => q
                .Match<Supervision>(s => s.Date >= @case.OpenDate)
                .Collect())
            .Let(() => next, () => NextSupervision(@case, supervisions, IntervalFor(@case.Status, cpInterval.Value, claInterval.Value, cinInterval.Value)))
            // The harness's timeline also shows a supervision not yet due, and when it falls due.
            .Having(() => @case.Trace != null || next.Due < @case.AsOf);

        Then()
            .Do(ctx => ReportIfOverdue(ctx, @case, next));
    }

    private void ReportIfOverdue(IContext context, CaseAsOf @case, NextSupervisionDue next)
    {
        var (latest, anchor, interval, due) = next;
        var notYetDue = due >= @case.AsOf;
        if (@case.Trace is { } trace)
        {
            TraceDeadline(trace, @case, latest, anchor, due, interval, notYetDue);
        }

        if (notYetDue)
        {
            return;
        }

        Report(context, @case, FindingStatus.Overdue,
            $"Case supervision overdue by {Phrases.Delay(@case.Dates, due, @case.AsOf, DelayUnit.Days)} " +
            (latest is null ? $"(none recorded since {Phrases.Date(anchor)})" : $"(last supervision {Phrases.Date(latest.Date)})"),
            dueDate: due,
            arguments: new Dictionary<string, object?>
            {
                ["lastSupervision"] = latest?.Date,
                ["countedFrom"] = anchor,
                ["status"] = StatusName(@case.Status),
                ["intervalDays"] = interval,
            },
            evidence: [latest]);
    }

    /// <summary>
    /// d = days(A, interval): A is the latest supervision since the open date, or with none the open
    /// date, or the start of the social worker allocation open at D when that is later.
    /// </summary>
    private static NextSupervisionDue NextSupervision(CaseAsOf @case, IEnumerable<Supervision> supervisions, int interval)
    {
        // A loop rather than MaxBy: this runs for every open case, and MaxBy's delegate call and
        // generic comparer per supervision cost about 3 % of the floor's engine time (ten
        // alternating pairs, docs/performance.md). Like MaxBy, it keeps the first of equal dates.
        Supervision? latest = null;
        foreach (var supervision in supervisions)
        {
            if (latest is null || supervision.Date > latest.Date)
            {
                latest = supervision;
            }
        }

        var anchor = latest?.Date ?? Later(@case.OpenDate!.Value, @case.CurrentSocialWorker?.Start);
        return new NextSupervisionDue(latest, anchor, interval, DeadlineCalculator.Days(anchor, interval));
    }

    private static int IntervalFor(CaseStatus status, int cpInterval, int claInterval, int cinInterval) => status switch
    {
        CaseStatus.ChildProtection => cpInterval,
        CaseStatus.LookedAfter => claInterval,
        _ => cinInterval,
    };

    /// <summary>The one link for the harness's timeline: where A came from, and d = days(A, interval).</summary>
    private void TraceDeadline(ChainTrace trace, CaseAsOf @case, Supervision? latest, DateOnly anchor, DateOnly due, int interval, bool notYetDue)
    {
        // In the order the anchor is chosen: an allocation starting on the open date leaves A the open date.
        var (anchoredOn, anchorIs) = latest is not null ? (latest, $"last supervision, {latest.Path}")
            : anchor == @case.OpenDate ? ((CaseRecord?)null, "the case's open date")
            : (@case.CurrentSocialWorker, $"start of the social worker allocation open at D, {@case.CurrentSocialWorker!.Path}");
        var basis = new LinkBasis(anchorIs, $"{DeadlineNotation.Days(anchor, interval, due)} (the interval for status {StatusName(@case.Status)})", "no supervision since");
        trace.Deadline(Id, subjectId: null, new TracedLink(0, anchor, due, notYetDue ? LinkOutcome.NotYetDue : LinkOutcome.Overdue, null, null, basis), [anchoredOn]);
    }

    /// <summary>The case's status as rules.md spells it (`cp`, `cla`, `cin`).</summary>
    private static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.ChildProtection => "cp",
        CaseStatus.LookedAfter => "cla",
        _ => "cin",
    };

    private static DateOnly Later(DateOnly date, DateOnly? other) => other is { } o && o > date ? o : date;

    /// <summary>d = days(A, interval), with A, the supervision it is (if any) and the interval for the case's status.</summary>
    private readonly record struct NextSupervisionDue(Supervision? Latest, DateOnly Anchor, int Interval, DateOnly Due);
}
