using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Diffing;

/// <summary>
/// What a side of a diff is: a profile the cases were evaluated under now, or a previous run's
/// findings.json. <see cref="Sha256"/> is the profile's (null for the shipped defaults and for findings).
/// </summary>
public sealed record DiffSide(string Kind, string? Path, string? Sha256, DateOnly AsOf)
{
    public const string ProfileKind = "profile";
    public const string FindingsKind = "findings";

    public static DiffSide Of(Evaluator evaluator) =>
        new(ProfileKind, evaluator.Profile.Origin?.Path, evaluator.Profile.Origin?.Sha256, evaluator.AsOf);
}

/// <summary>A finding under both sides with a different severity: the finding under A, and its severity under B.</summary>
public sealed record SeverityChange(Finding UnderA, Severity SeverityB);

/// <summary>The differences of one rule on one team's cases (<see cref="Team"/> null: cases with no team), each list in cli.md's order.</summary>
public sealed record DiffGroup(string RuleId, string? Team, IReadOnlyList<Finding> OnlyA, IReadOnlyList<Finding> OnlyB, IReadOnlyList<SeverityChange> SeverityChanged);

/// <summary>
/// <c>compliance diff</c>: the findings only under A, only under B, and those whose severity
/// changed, matched by fingerprint and grouped by rule and team (ordinal; no team first). The
/// input is read once; memory grows with the differences (and, against a previous run, with
/// that run's findings), not with the input.
/// </summary>
public sealed class FindingsDiff
{
    private readonly SortedDictionary<(string RuleId, string? Team), Group> groups = new(GroupOrder.Instance);
    private IReadOnlyList<DiffGroup>? sortedGroups;

    private FindingsDiff(DiffSide a, DiffSide b)
    {
        A = a;
        B = b;
    }

    public DiffSide A { get; }
    public DiffSide B { get; }
    public CaseCount Cases { get; } = new();
    public int FindingsUnderA { get; private set; }
    public int FindingsUnderB { get; private set; }

    /// <summary>The groups by rule and team; sorted once, after the diff is complete.</summary>
    public IReadOnlyList<DiffGroup> Groups => sortedGroups ??= groups.Values.Select(g => g.Sorted()).ToArray();

    public int OnlyA => groups.Values.Sum(g => g.OnlyA.Count);
    public int OnlyB => groups.Values.Sum(g => g.OnlyB.Count);
    public int SeverityChanged => groups.Values.Sum(g => g.SeverityChanged.Count);
    public bool HasDifferences => groups.Count > 0;

    /// <summary>Every case evaluated under two profiles, in one pass.</summary>
    public static FindingsDiff Between(IEnumerable<CaseReadResult> cases, Evaluator a, Evaluator b)
    {
        var diff = new FindingsDiff(DiffSide.Of(a), DiffSide.Of(b));
        foreach (var @case in SideBySide.Evaluate(cases, [a, b]))
        {
            diff.Cases.Count(@case.Read);
            var (underA, underB) = (@case.Findings[0], @case.Findings[1]);
            diff.FindingsUnderA += underA.Count;
            diff.FindingsUnderB += underB.Count;
            var comparison = FingerprintIndex.Compare(underA, underB);
            diff.Add(comparison.OnlyFirst, comparison.OnlySecond, comparison.Both.Select(pair => (pair.First, pair.Second.Severity)));
        }

        return diff;
    }

    /// <summary>
    /// Every case evaluated under <paramref name="a"/>, against the findings of a previous run
    /// (<paramref name="b"/>), which are read twice: first only each one's fingerprint and severity
    /// (<paramref name="previousKeys"/>), indexed with its place, and at the end, whole, those no
    /// case matched. Holding every previous finding whole took ten times the size of its
    /// findings.json (2.7 GB for a million cases).
    /// </summary>
    /// <param name="previousKeys">The fingerprint and severity of each of <paramref name="previous"/>, in the same order, read more cheaply.</param>
    public static FindingsDiff Against(
        IEnumerable<CaseReadResult> cases,
        Evaluator a,
        IEnumerable<(string Fingerprint, Severity Severity)> previousKeys,
        IEnumerable<Finding> previous,
        DiffSide b)
    {
        var diff = new FindingsDiff(DiffSide.Of(a), b);
        var waiting = new FingerprintIndex<PreviousFinding>(
            previousKeys.Select((key, place) => new PreviousFinding(key.Fingerprint, key.Severity, place)),
            finding => finding.Fingerprint);
        diff.FindingsUnderB = waiting.Indexed;
        foreach (var @case in SideBySide.Evaluate(cases, [a]))
        {
            diff.Cases.Count(@case.Read);
            diff.FindingsUnderA += @case.Findings[0].Count;
            var (onlyA, both) = waiting.Match(@case.Findings[0]);
            diff.Add(onlyA, [], both.Select(pair => (pair.Given, pair.Waiting.Severity)));
        }

        var unmatched = waiting.Remaining.Select(finding => finding.Place).ToHashSet();
        if (unmatched.Count > 0)
        {
            diff.Add([], previous.Where((_, place) => unmatched.Contains(place)).ToList(), []);
        }

        return diff;
    }

    private void Add(IEnumerable<Finding> onlyA, IEnumerable<Finding> onlyB, IEnumerable<(Finding UnderA, Severity SeverityB)> both)
    {
        foreach (var finding in onlyA)
        {
            GroupOf(finding).OnlyA.Add(finding);
        }

        foreach (var finding in onlyB)
        {
            GroupOf(finding).OnlyB.Add(finding);
        }

        foreach (var (underA, severityB) in both.Where(pair => pair.UnderA.Severity != pair.SeverityB))
        {
            GroupOf(underA).SeverityChanged.Add(new SeverityChange(underA, severityB));
        }
    }

    private Group GroupOf(Finding finding)
    {
        var key = (finding.Result.RuleId, finding.Result.Team);
        if (!groups.TryGetValue(key, out var group))
        {
            groups[key] = group = new Group(key.RuleId, key.Team);
        }

        return group;
    }

    /// <summary>What a diff keeps of a previous run's finding until a case matches it: <see cref="Place"/> is its index in the run's findings.</summary>
    private readonly record struct PreviousFinding(string Fingerprint, Severity Severity, int Place);

    private sealed record Group(string RuleId, string? Team)
    {
        public List<Finding> OnlyA { get; } = [];
        public List<Finding> OnlyB { get; } = [];
        public List<SeverityChange> SeverityChanged { get; } = [];

        public DiffGroup Sorted() => new(
            RuleId,
            Team,
            OnlyA.Order(FindingOrder.Instance).ToArray(),
            OnlyB.Order(FindingOrder.Instance).ToArray(),
            SeverityChanged.OrderBy(c => c.UnderA, FindingOrder.Instance).ToArray());
    }

    private sealed class GroupOrder : IComparer<(string RuleId, string? Team)>
    {
        public static GroupOrder Instance { get; } = new();

        public int Compare((string RuleId, string? Team) x, (string RuleId, string? Team) y)
        {
            var order = string.CompareOrdinal(x.RuleId, y.RuleId);
            return order != 0 ? order : string.CompareOrdinal(x.Team, y.Team);
        }
    }
}
