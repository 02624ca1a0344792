using System.Globalization;
using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Missing;

[Diagnostic("CSC7001", "Return home interview late", RuleCategory.Missing, Severity.Warning,
    Source = "DfE statutory guidance on children who run away or go missing from home or care (2014)")]
[Description("A child who returns from a missing episode is offered a return home interview within 72 hours of returning.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue)]
public sealed class CSC7001ReturnHomeInterviewLate : ComplianceRule
{
    public override void Define()
    {
        var hours = Parameter("hours", 72, "Hours after the child's return by which the interview is offered or held");

        CaseAsOf @case = null!;
        MissingEpisode episode = null!;

        When()
            .Match(() => @case)
            .Match(() => episode, e => e.Returned != null);

        Then()
            .Do(ctx => ReportIfLate(ctx, @case, episode, hours.Value));
    }

    // A single link written out here rather than run through DeadlineChain: the chain compares
    // dates, and this deadline is a time (an interview offered one minute after d, on d's own
    // date, is late). There is no later link: one interview per episode.
    private void ReportIfLate(IContext context, CaseAsOf @case, MissingEpisode episode, int hours)
    {
        var returned = episode.Returned!.Value;

        // Hours on the local clock (rules.md "Times"): a naive DateTime adds clock hours, so 72 hours
        // is the same clock time three days later even across a clock change.
        var due = returned.AddHours(hours);
        var dueDate = DateOnly.FromDateTime(due);
        var interview = episode.ReturnInterview;
        var metAt = Earlier(interview?.Offered, interview?.Completed);
        var arguments = new Dictionary<string, object?>
        {
            ["returned"] = returned,
            ["due"] = due,
            ["offered"] = interview?.Offered,
            ["completed"] = interview?.Completed,
            ["declined"] = interview?.Declined ?? false,
            ["hours"] = hours,
        };

        // One decision, which both the trace and the finding follow.
        var outcome = metAt is { } at ? (at > due ? LinkOutcome.Late : LinkOutcome.Met)
            : dueDate < @case.AsOf ? LinkOutcome.Overdue
            : LinkOutcome.NotYetDue;
        if (@case.Trace is { } trace)
        {
            TraceDeadline(trace, episode, returned, hours, due, dueDate, interview, metAt, outcome);
        }

        if (outcome == LinkOutcome.Late && metAt is { } met)
        {
            Report(context, @case, FindingStatus.Late,
                $"Return home interview late by {Delay(due, met)} (due {Time(due)}, {HowMet(interview!, met)} {Time(met)})",
                episode.Id, dueDate, DateOnly.FromDateTime(met), arguments);
        }
        else if (outcome == LinkOutcome.Overdue)
        {
            Report(context, @case, FindingStatus.Overdue,
                $"Return home interview overdue by {Phrases.Delay(@case.Dates, dueDate, @case.AsOf, DelayUnit.Days)} (returned {Time(returned)}, due {Time(due)})",
                episode.Id, dueDate, arguments: arguments);
        }
    }

    /// <summary>The one link for the harness's timeline: d = returned + hours, and the interview that met it, if any.</summary>
    private void TraceDeadline(ChainTrace trace, MissingEpisode episode, DateTime returned, int hours, DateTime due, DateOnly dueDate, ReturnInterview? interview, DateTime? metAt, LinkOutcome outcome)
    {
        var basis = new LinkBasis(
            $"return from {episode.Path} {episode.Id}",
            DeadlineNotation.Hours(returned, hours, due),
            metAt is { } at ? $"interview {HowMet(interview!, at)} {DeadlineNotation.Time(at)}" : "no interview offered or held");
        var metOn = metAt is { } on ? DateOnly.FromDateTime(on) : (DateOnly?)null;
        trace.Deadline(Id, episode.Id, new TracedLink(0, DateOnly.FromDateTime(returned), dueDate, outcome, metOn is null ? null : episode, metOn, basis), [episode]);
    }

    /// <summary>"offered" or "held": which of the interview's times met (or missed) the deadline.</summary>
    private static string HowMet(ReturnInterview interview, DateTime met) => met == interview.Offered ? "offered" : "held";

    private static DateTime? Earlier(DateTime? first, DateTime? second) =>
        first is { } a && second is { } b ? (a <= b ? a : b) : first ?? second;

    /// <summary>"23 Mar 2026 09:30".</summary>
    private static string Time(DateTime time) =>
        $"{Phrases.Date(DateOnly.FromDateTime(time))} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>"1 minute", "5 hours", "2 days, 3 hours": clock time between the deadline and the interview.</summary>
    private static string Delay(DateTime due, DateTime met)
    {
        var delay = met - due;
        var parts = new List<string>(2);
        if (delay.Days > 0)
        {
            parts.Add(Phrases.Count(delay.Days, "day"));
        }

        if (delay.Hours > 0)
        {
            parts.Add(Phrases.Count(delay.Hours, "hour"));
        }

        if (parts.Count == 0)
        {
            parts.Add(Phrases.Count(Math.Max(delay.Minutes, 1), "minute"));
        }

        return string.Join(", ", parts);
    }
}
