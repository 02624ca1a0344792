namespace ComplianceRules.Findings.Reporting;

/// <summary>Findings of two runs, matched by fingerprint: those only in one, and the pairs found in both.</summary>
public sealed record FindingComparison(IReadOnlyList<Finding> OnlyFirst, IReadOnlyList<Finding> OnlySecond, IReadOnlyList<(Finding First, Finding Second)> Both);

/// <summary>
/// Findings waiting to be matched by fingerprint: the same problem whatever its severity or
/// wording (rule, case, subject and due date). A fingerprint held twice (the same case in two
/// input files) matches twice, in the order the findings came.
/// </summary>
public sealed class FingerprintIndex
{
    private readonly Dictionary<string, Queue<Finding>> waiting = new(StringComparer.Ordinal);

    public FingerprintIndex(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (!waiting.TryGetValue(finding.Fingerprint, out var queue))
            {
                waiting[finding.Fingerprint] = queue = new Queue<Finding>(1);
            }

            queue.Enqueue(finding);
            Indexed++;
        }
    }

    /// <summary>How many findings the index was built from.</summary>
    public int Indexed { get; }

    /// <summary>The findings not matched yet.</summary>
    public IEnumerable<Finding> Remaining => waiting.Values.SelectMany(queue => queue);

    /// <summary>Matches <paramref name="first"/> against <paramref name="second"/>, the findings of one case under two profiles.</summary>
    public static FindingComparison Compare(IEnumerable<Finding> first, IEnumerable<Finding> second)
    {
        var index = new FingerprintIndex(second);
        var (onlyFirst, both) = index.Match(first);
        return new FindingComparison(onlyFirst, index.Remaining.ToList(), both);
    }

    /// <summary>
    /// Takes the waiting finding of each of <paramref name="findings"/>' fingerprints: the pairs,
    /// and those that found none. What stays waiting is only on this index's side.
    /// </summary>
    public (List<Finding> Unmatched, List<(Finding Given, Finding Waiting)> Pairs) Match(IEnumerable<Finding> findings)
    {
        var unmatched = new List<Finding>();
        var pairs = new List<(Finding, Finding)>();
        foreach (var finding in findings)
        {
            if (waiting.TryGetValue(finding.Fingerprint, out var queue) && queue.TryDequeue(out var match))
            {
                pairs.Add((finding, match));
                if (queue.Count == 0)
                {
                    waiting.Remove(finding.Fingerprint);
                }
            }
            else
            {
                unmatched.Add(finding);
            }
        }

        return (unmatched, pairs);
    }
}
