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

/// <summary>
/// One traced deadline: anchor → due date → the event that met it (if any) → outcome. A chain's
/// links have no <paramref name="Basis"/>; a rule that computes its one deadline directly says
/// in it how the deadline was counted.
/// </summary>
public sealed record TracedLink(int Index, DateOnly Anchor, DateOnly Due, LinkOutcome Outcome, CaseRecord? MetBy, DateOnly? MetOn, LinkBasis? Basis = null);

/// <summary>
/// How a deadline computed without a chain came about, as the timeline prints it: what the anchor
/// is ("last supervision, supervisions[1]"), how the due date was counted (<see cref="DeadlineNotation"/>),
/// and what met it or why nothing did.
/// </summary>
public sealed record LinkBasis(string Anchor, string Due, string Event);

/// <summary>
/// A chain one rule ran about one subject (plan, placement, enquiry...), with the events it
/// considered; a deadline a rule computed directly is a chain of that one link.
/// </summary>
public sealed record TracedChain(string RuleId, string? SubjectId, IReadOnlyList<CaseRecord> Events, IReadOnlyList<TracedLink> Links);

/// <summary>
/// The chains run for one case, by rule and subject, and the single deadlines rules computed
/// without one. One per case and session, so, like a session, it is used on one thread.
/// </summary>
public sealed class ChainTrace
{
    private readonly List<TracedChain> chains = [];

    public IReadOnlyList<TracedChain> Chains => chains;

    /// <summary>An observer that records the chains <paramref name="ruleId"/> runs about <paramref name="subjectId"/>.</summary>
    public IChainObserver For(string ruleId, string? subjectId) => new Recorder(this, ruleId, subjectId);

    /// <summary>
    /// Records the one deadline <paramref name="ruleId"/> computed directly about
    /// <paramref name="subjectId"/>, with the records it read for it. Rules call it only when the
    /// case has a trace, so the nightly run builds none of the arguments.
    /// </summary>
    public void Deadline(string ruleId, string? subjectId, TracedLink link, IReadOnlyList<CaseRecord?> events) =>
        chains.Add(new TracedChain(ruleId, subjectId, events.OfType<CaseRecord>().ToArray(), [link]));

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
