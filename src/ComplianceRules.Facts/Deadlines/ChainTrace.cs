using ComplianceRules.Facts.Model;

namespace ComplianceRules.Facts.Deadlines;

/// <summary>
/// Sees every chain <see cref="DeadlineChain.Run"/> computes, when one is passed in: the harness
/// records them for a failing fixture's timeline. Chains run without one do no extra work.
/// </summary>
public interface IChainObserver
{
    void Observe<TEvent>(ChainDefinition<TEvent> chain, IReadOnlyList<ChainLink<TEvent>> links);
}

/// <summary>One deadline a traced chain computed: anchor → due date → the event that met it (if any) → outcome.</summary>
public sealed record TracedLink(int Index, DateOnly Anchor, DateOnly Due, LinkOutcome Outcome, CaseRecord? MetBy, DateOnly? MetOn);

/// <summary>A chain one rule ran about one subject (plan, placement, enquiry...), with the events it considered.</summary>
public sealed record TracedChain(string RuleId, string? SubjectId, IReadOnlyList<CaseRecord> Events, IReadOnlyList<TracedLink> Links);

/// <summary>
/// The chains run for one case, by rule and subject. One per case and session, so, like a
/// session, it is used on one thread.
/// </summary>
public sealed class ChainTrace
{
    private readonly List<TracedChain> chains = [];

    public IReadOnlyList<TracedChain> Chains => chains;

    /// <summary>An observer that records the chains <paramref name="ruleId"/> runs about <paramref name="subjectId"/>.</summary>
    public IChainObserver For(string ruleId, string? subjectId) => new Recorder(this, ruleId, subjectId);

    private sealed class Recorder(ChainTrace trace, string ruleId, string? subjectId) : IChainObserver
    {
        public void Observe<TEvent>(ChainDefinition<TEvent> chain, IReadOnlyList<ChainLink<TEvent>> links) =>
            trace.chains.Add(new TracedChain(
                ruleId,
                subjectId,
                chain.Events.OfType<CaseRecord>().ToArray(),
                links.Select(l => new TracedLink(l.Index, l.Anchor, l.Due, l.Outcome, l.MetBy as CaseRecord, l.MetOn)).ToArray()));
    }
}
