namespace ComplianceRules.Engine.Runtime;

/// <summary>
/// Where a pattern's candidate facts come from: all facts of the pattern type, or one bucket of a
/// join index when a condition is an equality join. The remaining conditions filter candidates.
/// </summary>
internal sealed class PatternSource(int patternTypeId, JoinIndex? index, Func<object?[], object?>? probe, Func<object, object?[], bool>[] filters)
{
    public int PatternTypeId { get; } = patternTypeId;

    /// <summary>Valid while the search runs: nothing changes working memory until it ends.</summary>
    public ReadOnlySpan<object> Candidates(Session session, object?[] slots) =>
        index is null ? session.FactsOf(PatternTypeId) : session.Lookup(index, probe!(slots));

    public bool Accepts(Session session, object fact, object?[] slots) => Conditions.AllHold(session, filters, fact, slots);
}

internal static class Conditions
{
    public static bool AllHold(Session session, Func<object, object?[], bool>[] conditions, object fact, object?[] slots)
    {
        foreach (var condition in conditions)
        {
            session.ConditionEvaluations++;
            if (!condition(fact, slots))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Partial-match searches through a rule's When(), depth first, in declaration order. One per
/// session, reused for every rule: its slot buffers are as long as the longest rule needs. Each
/// complete match goes straight to the session (<see cref="Session.Matched"/>), which copies the
/// buffers only for a match it has not seen.
/// </summary>
internal sealed class MatchSearch(Session session, int slotCount, int identityCount)
{
    private CompiledRule _rule = null!;

    public Session Session { get; } = session;

    public object?[] Slots { get; } = new object?[slotCount];

    public object?[] Identities { get; } = new object?[identityCount];

    /// <summary>A list a node may fill and must clear before it continues the search.</summary>
    public List<object> Scratch { get; } = [];

    /// <summary>Drops what the last search held on to.</summary>
    public void Clear()
    {
        Array.Clear(Slots);
        Array.Clear(Identities);
        _rule = null!;
    }

    public void Run(CompiledRule rule)
    {
        _rule = rule;
        Continue(0);
    }

    public void Continue(int nodeIndex)
    {
        if (nodeIndex == _rule.Nodes.Length)
        {
            Session.Matched(_rule, Slots.AsSpan(0, _rule.SlotCount), Identities.AsSpan(0, _rule.IdentityCount));
            return;
        }

        _rule.Nodes[nodeIndex].Propagate(this, nodeIndex + 1);
    }
}

internal abstract class LeftHandNode
{
    /// <summary>The pattern type of which at least one fact must be in working memory for this node to let any partial match through; -1 when none is needed.</summary>
    public virtual int RequiredPatternTypeId => -1;

    public abstract void Propagate(MatchSearch search, int next);
}

internal sealed class MatchNode(PatternSource source, int slot, int identity) : LeftHandNode
{
    public override int RequiredPatternTypeId => source.PatternTypeId;

    public override void Propagate(MatchSearch search, int next)
    {
        var candidates = source.Candidates(search.Session, search.Slots);
        for (var i = 0; i < candidates.Length; i++)
        {
            var fact = candidates[i];
            if (source.Accepts(search.Session, fact, search.Slots))
            {
                search.Slots[slot] = fact;
                search.Identities[identity] = fact;
                search.Continue(next);
            }
        }
    }
}

internal sealed class ExistsNode(PatternSource source, bool mustExist) : LeftHandNode
{
    public override int RequiredPatternTypeId => mustExist ? source.PatternTypeId : -1;

    public override void Propagate(MatchSearch search, int next)
    {
        var candidates = source.Candidates(search.Session, search.Slots);
        var found = false;
        for (var i = 0; i < candidates.Length && !found; i++)
        {
            found = source.Accepts(search.Session, candidates[i], search.Slots);
        }

        if (found == mustExist)
        {
            search.Continue(next);
        }
    }
}

internal sealed class AllNode(PatternSource source, Func<object, object?[], bool>[] requirements) : LeftHandNode
{
    public override void Propagate(MatchSearch search, int next)
    {
        var candidates = source.Candidates(search.Session, search.Slots);
        for (var i = 0; i < candidates.Length; i++)
        {
            var fact = candidates[i];
            if (source.Accepts(search.Session, fact, search.Slots)
                && !Conditions.AllHold(search.Session, requirements, fact, search.Slots))
            {
                return;
            }
        }

        search.Continue(next);
    }
}

internal sealed class QueryNode(QueryPipeline pipeline, int slot, int identity) : LeftHandNode
{
    public override void Propagate(MatchSearch search, int next)
    {
        var results = pipeline.Run(search.Session, search.Slots);
        foreach (var result in results)
        {
            search.Slots[slot] = result.Value;
            search.Identities[identity] = result.Identity;
            search.Continue(next);
        }
    }
}

/// <summary>
/// A query that only collects the facts a pattern accepts (Match then Collect, most queries): they go
/// straight into the result array, and that array is also the collection's identity (its elements
/// are the facts), as <see cref="CollectStage"/> would compute it.
/// </summary>
internal sealed class CollectNode(PatternSource source, Func<List<object>, object?[]> collect, int slot, int identity) : LeftHandNode
{
    public override void Propagate(MatchSearch search, int next)
    {
        // The search's scratch list is free again before the search goes on to later nodes.
        var accepted = search.Scratch;
        var candidates = source.Candidates(search.Session, search.Slots);
        for (var i = 0; i < candidates.Length; i++)
        {
            var fact = candidates[i];
            if (source.Accepts(search.Session, fact, search.Slots))
            {
                accepted.Add(fact);
            }
        }

        var collection = collect(accepted);
        accepted.Clear();
        search.Slots[slot] = collection;
        search.Identities[identity] = new CompositeIdentity(collection);
        search.Continue(next);
    }
}

internal sealed class LetNode(Func<object?[], object?> value, int slot) : LeftHandNode
{
    public override void Propagate(MatchSearch search, int next)
    {
        search.Slots[slot] = value(search.Slots);
        search.Continue(next);
    }
}

internal sealed class HavingNode(Func<object?[], bool>[] conditions) : LeftHandNode
{
    public override void Propagate(MatchSearch search, int next)
    {
        foreach (var condition in conditions)
        {
            search.Session.ConditionEvaluations++;
            if (!condition(search.Slots))
            {
                return;
            }
        }

        search.Continue(next);
    }
}
