using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.Legal;

/// <summary>
/// The single-link deadline of a legal process that must conclude by a date (CSC2002, CSC2003):
/// the "event" is the record's own end, so the record is its own qualifying event. An end on or
/// before the deadline is met, a later end is <c>late</c>, and no end as of D past the deadline is
/// <c>overdue</c> (the process is still running, so it can never be <c>missed</c>). An end dated
/// before the start is a recording slip (CSC0002 reports it), not an end.
/// </summary>
internal static class ConclusionDeadline
{
    public static ChainDefinition<T> Chain<T>(T record, DateOnly start, DateOnly due, Func<T, DateOnly?> endOf)
        where T : CaseRecord
    {
        var end = endOf(record) is { } recorded && recorded >= start ? recorded : (DateOnly?)null;
        return new ChainDefinition<T>
        {
            FirstAnchor = start,
            Deadline = _ => due,
            Events = end is null ? [] : [record],
            DateOf = ended => endOf(ended)!.Value,
            OpenAtAsOf = end is null,
            SingleLink = true,
        };
    }
}
