namespace ComplianceRules.Findings.Evaluation;

/// <summary>How far a running check has got, for a progress display; safe to read from any thread while it runs.</summary>
public sealed class CheckProgress
{
    private long casesRead;
    private long casesEvaluated;

    /// <summary>Cases read from the inputs, other shards' included.</summary>
    public long CasesRead => Interlocked.Read(ref casesRead);

    /// <summary>This check's cases evaluated (or rejected) so far.</summary>
    public long CasesEvaluated => Interlocked.Read(ref casesEvaluated);

    internal void CountRead() => Interlocked.Increment(ref casesRead);

    internal void CountEvaluated() => Interlocked.Increment(ref casesEvaluated);
}
