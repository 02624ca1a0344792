using System.Reflection;
using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.Catalog;

/// <summary>
/// A rule of the catalogue: an engine rule that is also a Roslyn-style diagnostic
/// (<see cref="DiagnosticAttribute"/>). Its actions report <see cref="RuleFinding"/>s through
/// <see cref="Report"/>, which applies the rules that every finding follows (lookback, evidence,
/// team and worker) so that no rule re-implements them.
/// </summary>
public abstract class ComplianceRule : Rule
{
    private DiagnosticAttribute? diagnostic;

    public DiagnosticAttribute Diagnostic => diagnostic ??= GetType().GetCustomAttribute<DiagnosticAttribute>()
        ?? throw new InvalidOperationException($"{GetType().Name} has no [Diagnostic] attribute.");

    public string Id => Diagnostic.Id;

    /// <summary>
    /// Reports a finding on the case. Late and missed findings due before the lookback are
    /// dropped here (rules.md "Deadline chains"); evidence is the records the rule matched plus
    /// <paramref name="evidence"/>, by path, each once.
    /// </summary>
    protected void Report(
        IContext context,
        CaseAsOf @case,
        FindingStatus status,
        string message,
        string? subjectId = null,
        DateOnly? dueDate = null,
        DateOnly? metOn = null,
        IReadOnlyDictionary<string, object?>? arguments = null,
        IEnumerable<CaseRecord?>? evidence = null)
    {
        if (IsWithinLookback(@case, status, dueDate))
        {
            context.Insert(NewFinding(Id, @case, status, message, subjectId, dueDate, metOn, arguments, Evidence.From(context.Match, evidence)));
        }
    }

    /// <summary>False for a late or missed finding due before the lookback: it is not reported (rules.md "Deadline chains").</summary>
    public static bool IsWithinLookback(CaseAsOf @case, FindingStatus status, DateOnly? dueDate) =>
        status is not (FindingStatus.Late or FindingStatus.Missed) || dueDate is not { } due || @case.IsWithinLookback(due);

    /// <summary>
    /// The finding as every rule reports it: evidence by path, the team and the social worker
    /// allocated at D, and the line of the first record. Public so plain C# outside the engine
    /// (the benchmarks' hand-written floor) builds exactly the same findings.
    /// </summary>
    public static RuleFinding NewFinding(
        string ruleId,
        CaseAsOf @case,
        FindingStatus status,
        string message,
        string? subjectId,
        DateOnly? dueDate,
        DateOnly? metOn,
        IReadOnlyDictionary<string, object?>? arguments,
        IReadOnlyList<CaseRecord> evidence) => new()
        {
            RuleId = ruleId,
            CaseId = @case.CaseId,
            SubjectId = subjectId,
            Status = status,
            DueDate = dueDate,
            MetOn = metOn,
            Message = message,
            Arguments = arguments ?? new Dictionary<string, object?>(),
            Evidence = Evidence.PathsOf(evidence),
            Team = @case.Team,
            WorkerId = @case.CurrentSocialWorker?.WorkerId,
            File = @case.Recorded.Source?.File,
            Line = evidence.Count > 0 ? evidence[0].Line : @case.Recorded.Source?.Line ?? 0,
        };

    /// <summary>
    /// Runs a deadline chain about <paramref name="subjectId"/> (the one implementation,
    /// <see cref="DeadlineChain"/>); on a traced case the chain is recorded for the harness's timeline.
    /// </summary>
    protected IReadOnlyList<ChainLink<TEvent>> RunChain<TEvent>(CaseAsOf @case, string? subjectId, ChainDefinition<TEvent> chain) =>
        DeadlineChain.Run(chain, @case.AsOf, @case.Trace?.For(Id, subjectId));

    /// <summary>
    /// Reports every link of a deadline chain that was not met in time, phrased the same way
    /// for every timeliness rule: "{what} overdue by 3 working days ({detail})", "{what} late by
    /// 2 days (due 4 Mar 2026, met 6 Mar 2026)", "{what} missed (due 4 Mar 2026; {detail})". Evidence defaults
    /// to the matched records and the event that met the link.
    /// </summary>
    protected void ReportBreaches<TEvent>(
        IContext context,
        CaseAsOf @case,
        IEnumerable<ChainLink<TEvent>> links,
        string what,
        DelayUnit unit,
        string? subjectId,
        Func<ChainLink<TEvent>, IReadOnlyDictionary<string, object?>> arguments,
        Func<ChainLink<TEvent>, IEnumerable<CaseRecord?>>? evidence = null,
        Func<ChainLink<TEvent>, string?>? detail = null)
    {
        void ReportIfBreach(ChainLink<TEvent> link)
        {
            if (Breach(@case, link, what, unit, detail) is { } breach)
            {
                Report(context, @case, breach.Status, breach.Message, subjectId, link.Due, link.MetOn, arguments(link), evidence?.Invoke(link) ?? [link.MetBy as CaseRecord]);
            }
        }

        // Most chains come straight from RunChain: indexed, they need no enumerator.
        if (links is IReadOnlyList<ChainLink<TEvent>> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                ReportIfBreach(list[i]);
            }
        }
        else
        {
            foreach (var link in links)
            {
                ReportIfBreach(link);
            }
        }
    }

    /// <summary>
    /// A late, overdue or missed link's status and message, phrased the same way for every
    /// timeliness rule; null for a link that is not a finding, or not reported because it is due
    /// before the lookback (so years of history do not phrase messages nobody reads).
    /// </summary>
    public static (FindingStatus Status, string Message)? Breach<TEvent>(
        CaseAsOf @case, ChainLink<TEvent> link, string what, DelayUnit unit, Func<ChainLink<TEvent>, string?>? detail = null)
    {
        var status = link.Outcome switch
        {
            LinkOutcome.Late => FindingStatus.Late,
            LinkOutcome.Overdue => FindingStatus.Overdue,
            LinkOutcome.Missed => FindingStatus.Missed,
            _ => (FindingStatus?)null,
        };
        if (status is not { } reported || !IsWithinLookback(@case, reported, link.Due))
        {
            return null;
        }

        var said = reported == FindingStatus.Late ? null : detail?.Invoke(link);
        var message = reported switch
        {
            FindingStatus.Overdue => $"{what} overdue by {Phrases.Delay(@case.Dates, link.Due, @case.AsOf, unit)}{(said is null ? "" : $" ({said})")}",
            FindingStatus.Late => $"{what} late by {Phrases.Delay(@case.Dates, link.Due, link.MetOn!.Value, unit)} (due {Phrases.Date(link.Due)}, met {Phrases.Date(link.MetOn.Value)})",
            _ => $"{what} missed (due {Phrases.Date(link.Due)}{(said is null ? "" : $"; {said}")})",
        };
        return (reported, message);
    }
}

/// <summary>How a delay is counted in a message: in working days for working-day deadlines, else in days.</summary>
public enum DelayUnit { WorkingDays, Days }

/// <summary>Turns what a rule matched into evidence: the case records, in match order, each once.</summary>
public static class Evidence
{
    internal static IReadOnlyList<CaseRecord> From(IMatch match, IEnumerable<CaseRecord?>? extra)
    {
        var records = new List<CaseRecord>();
        var facts = match.Facts;
        for (var i = 0; i < facts.Count; i++)
        {
            switch (facts[i].Value)
            {
                case CaseRecord record:
                    Add(records, record);
                    break;
                case IDerivedFact derived:
                    foreach (var source in derived.Sources)
                    {
                        Add(records, source);
                    }

                    break;
            }
        }

        AddAll(records, extra ?? []);
        return records;
    }

    /// <summary>The records' paths, in order: what a finding shows of its evidence.</summary>
    internal static string[] PathsOf(IReadOnlyList<CaseRecord> records)
    {
        var paths = new string[records.Count];
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = records[i].Path;
        }

        return paths;
    }

    /// <summary>The records given, nulls left out, each once (by reference or path), in order.</summary>
    public static IReadOnlyList<CaseRecord> Of(IEnumerable<CaseRecord?> records)
    {
        var distinct = new List<CaseRecord>();
        AddAll(distinct, records);
        return distinct;
    }

    private static void AddAll(List<CaseRecord> records, IEnumerable<CaseRecord?> more)
    {
        foreach (var record in more)
        {
            if (record is not null)
            {
                Add(records, record);
            }
        }
    }

    private static void Add(List<CaseRecord> records, CaseRecord record)
    {
        foreach (var existing in records)
        {
            if (ReferenceEquals(existing, record) || existing.Path == record.Path)
            {
                return;
            }
        }

        records.Add(record);
    }
}

/// <summary>A fact that rules derive from case records and insert for other rules to match (forward chaining).</summary>
public interface IDerivedFact
{
    /// <summary>The case records it was derived from: a finding that matched it cites them as evidence.</summary>
    IEnumerable<CaseRecord> Sources { get; }
}
