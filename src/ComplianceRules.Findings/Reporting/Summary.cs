using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Reporting;

/// <summary>findings.json's summary: cases read = evaluated + rejected, and the findings by severity and rule.</summary>
public sealed class Summary
{
    // Compared as numbers: Enum.CompareTo takes an object, a box per comparison, several per finding.
    private readonly SortedDictionary<Severity, int> bySeverity = new(Comparer<Severity>.Create((a, b) => ((int)b).CompareTo((int)a)));
    private readonly SortedDictionary<string, int> byRule = new(StringComparer.Ordinal);

    // Counted as findings go by, so that --fail-on needs no second pass over a streamed report.
    private readonly int[] unsuppressedBySeverity = new int[Enum.GetValues<Severity>().Length];

    public int CasesEvaluated { get; private set; }
    public int CasesRejected { get; private set; }
    public int CasesRead => CasesEvaluated + CasesRejected;
    public int Findings { get; private set; }

    /// <summary>Findings an unexpired suppression covers (included in <see cref="Findings"/>).</summary>
    public int Suppressed { get; private set; }

    /// <summary>Most severe first.</summary>
    public IReadOnlyDictionary<Severity, int> BySeverity => bySeverity;
    public IReadOnlyDictionary<string, int> ByRule => byRule;

    /// <summary>True when an unsuppressed finding at or above <paramref name="threshold"/> exists; never for <see cref="Severity.None"/>.</summary>
    public bool HasUnsuppressedAtOrAbove(Severity threshold) =>
        threshold != Severity.None && unsuppressedBySeverity[(int)threshold..].Any(count => count > 0);

    public void CountEvaluated() => CasesEvaluated++;

    public void CountRejected() => CasesRejected++;

    /// <summary>Counts cases another check evaluated and rejected (a shard's, when merging).</summary>
    public void CountCases(int evaluated, int rejected)
    {
        CasesEvaluated += evaluated;
        CasesRejected += rejected;
    }

    public void Count(Finding finding)
    {
        Findings++;
        bySeverity[finding.Severity] = bySeverity.GetValueOrDefault(finding.Severity) + 1;
        byRule[finding.Result.RuleId] = byRule.GetValueOrDefault(finding.Result.RuleId) + 1;
        if (finding.IsSuppressed)
        {
            Suppressed++;
        }
        else
        {
            unsuppressedBySeverity[(int)finding.Severity]++;
        }
    }
}
