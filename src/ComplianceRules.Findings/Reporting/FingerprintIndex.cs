namespace ComplianceRules.Findings.Reporting;

/// <summary>Findings of two runs, matched by fingerprint: those only in one, and the pairs found in both.</summary>
public sealed record FindingComparison(IReadOnlyList<Finding> OnlyFirst, IReadOnlyList<Finding> OnlySecond, IReadOnlyList<(Finding First, Finding Second)> Both);

/// <summary>Matching by fingerprint between the findings of one case under two profiles.</summary>
public static class FingerprintIndex
{
    /// <summary>Matches <paramref name="first"/> against <paramref name="second"/>, the findings of one case under two profiles.</summary>
    public static FindingComparison Compare(IEnumerable<Finding> first, IEnumerable<Finding> second)
    {
        var index = new FingerprintIndex<Finding>(second, finding => finding.Fingerprint);
        var (onlyFirst, both) = index.Match(first);
        return new FindingComparison(onlyFirst, index.Remaining.ToList(), both);
    }
}

/// <summary>
/// Findings (or what a caller keeps of them) waiting to be matched by fingerprint: the same problem
/// whatever its severity or wording (rule, case, subject and due date). A fingerprint held twice
/// (the same case in two input files) matches twice, in the order the findings came.
/// </summary>
public sealed class FingerprintIndex<T>
{
    private readonly Dictionary<string, Queue<T>> waiting = new(StringComparer.Ordinal);

    public FingerprintIndex(IEnumerable<T> items, Func<T, string> fingerprintOf)
    {
        foreach (var item in items)
        {
            var fingerprint = fingerprintOf(item);
            if (!waiting.TryGetValue(fingerprint, out var queue))
            {
                waiting[fingerprint] = queue = new Queue<T>(1);
            }

            queue.Enqueue(item);
            Indexed++;
        }
    }

    /// <summary>How many items the index was built from.</summary>
    public int Indexed { get; }

    /// <summary>The items not matched yet.</summary>
    public IEnumerable<T> Remaining => waiting.Values.SelectMany(queue => queue);

    /// <summary>
    /// Takes the waiting item of each of <paramref name="findings"/>' fingerprints: the pairs,
    /// and those that found none. What stays waiting is only on this index's side.
    /// </summary>
    public (List<Finding> Unmatched, List<(Finding Given, T Waiting)> Pairs) Match(IEnumerable<Finding> findings)
    {
        var unmatched = new List<Finding>();
        var pairs = new List<(Finding, T)>();
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
