using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// A finding with where its case came in the input and where it came among its case's findings:
/// the tie-break after cli.md's keys, so the order never depends on threads or run boundaries.
/// </summary>
public readonly record struct SequencedFinding(Finding Finding, long Sequence, int Index)
{
    public FindingPlace Place => new(FindingKey.Of(Finding.Result), Sequence, Index);
}

/// <summary>Where a finding goes among a check's findings: <see cref="SequencedOrder"/>'s keys, without the finding.</summary>
public readonly record struct FindingPlace(FindingKey Key, long Sequence, int Index) : IComparable<FindingPlace>
{
    /// <summary>cli.md's order, then input order of the cases, then the engine's order within a case.</summary>
    public int CompareTo(FindingPlace other)
    {
        var order = FindingOrder.Compare(Key, other.Key);
        if (order == 0)
        {
            order = Sequence.CompareTo(other.Sequence);
        }

        return order == 0 ? Index.CompareTo(other.Index) : order;
    }
}

/// <summary>cli.md's order, then input order of the cases, then the engine's order within a case.</summary>
public sealed class SequencedOrder : IComparer<SequencedFinding>
{
    public static SequencedOrder Instance { get; } = new();

    public int Compare(SequencedFinding x, SequencedFinding y) => x.Place.CompareTo(y.Place);
}

/// <summary>
/// Where a check keeps its sorted runs of findings until they are merged: in memory
/// (<see cref="InMemoryRuns"/>) or spilled to disk, so that memory is bounded by one run.
/// </summary>
public interface IFindingRuns
{
    /// <summary>Keeps one run, sorted by <see cref="SequencedOrder"/>; the store may hold on to the list.</summary>
    void Add(List<SequencedFinding> sortedRun);

    /// <summary>The runs kept so far, each readable front to back as often as asked.</summary>
    IReadOnlyList<IEnumerable<SequencedFinding>> Runs { get; }
}

/// <summary>Runs held in memory: for small inputs (fixtures, tests, tools built on <see cref="Check"/>).</summary>
public sealed class InMemoryRuns : IFindingRuns
{
    private readonly List<IEnumerable<SequencedFinding>> runs = [];

    public IReadOnlyList<IEnumerable<SequencedFinding>> Runs => runs;

    public void Add(List<SequencedFinding> sortedRun) => runs.Add(sortedRun);
}
