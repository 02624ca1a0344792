namespace ComplianceRules.Facts.Model;

/// <summary>
/// A record at a known place in its case file. Findings name records by <see cref="Path"/>
/// (<c>visits[3]</c>, <c>lookedAfter.reviews[0]</c>) because most records have no id, and
/// by <see cref="Line"/> so a viewer can jump to it.
/// </summary>
public abstract record CaseRecord
{
    /// <summary>The record's JSON path inside its case file, as evidence writes it.</summary>
    public string Path { get; init; } = "";

    /// <summary>The 1-based line of the record in its source file; 0 when unknown.</summary>
    public int Line { get; init; }
}

/// <summary>A record with an <c>id</c>, unique within its array.</summary>
public interface IIdentifiedRecord
{
    string Id { get; }
}

/// <summary>
/// Something that is open from <see cref="Start"/> until <see cref="End"/> (exclusive):
/// plans, episodes, periods of care, placements, pre-proceedings.
/// </summary>
public interface IPeriod
{
    DateOnly Start { get; }

    /// <summary>Null while still open.</summary>
    DateOnly? End { get; }
}

public static class PeriodExtensions
{
    /// <summary>
    /// rules.md "Open": start ≤ X and (end is null or X &lt; end). The same test decides whether
    /// an event is inside the period, so an event on the end date belongs to what follows.
    /// </summary>
    public static bool IsOpenOn(this IPeriod period, DateOnly date) =>
        period.Start <= date && (period.End is not { } end || date < end);

    /// <summary>True when <paramref name="date"/> falls inside the period (same test as <see cref="IsOpenOn"/>).</summary>
    public static bool Contains(this IPeriod period, DateOnly date) => period.IsOpenOn(date);
}
