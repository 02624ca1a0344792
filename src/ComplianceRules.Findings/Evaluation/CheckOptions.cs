namespace ComplianceRules.Findings.Evaluation;

/// <summary>How <see cref="Check"/> runs: on how many threads, which shard, where runs of findings go.</summary>
public sealed record CheckOptions
{
    /// <summary>Evaluating threads; one session per case on each, the compiled rule set shared.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Findings gathered before they are sorted and handed to <see cref="Runs"/> as one run: with
    /// runs spilled to disk, this (and the cases in flight) bounds memory, whatever the input size.
    /// Small, so that a run's findings are spilled before the collector promotes them: with 20,000
    /// they lived through several collections into the oldest generation, and collecting them there
    /// was most of the GC's pause time (2.5 s of a 100,000-case check, against 0.3-0.6 s).
    /// </summary>
    public int RunSize { get; init; } = 2_000;

    /// <summary>Where sorted runs are kept; null = in memory.</summary>
    public IFindingRuns? Runs { get; init; }

    /// <summary>The shard of the cases to evaluate; null = all of them.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Counters a progress display reads while the check runs; null = nobody is watching.</summary>
    public CheckProgress? Progress { get; init; }
}
