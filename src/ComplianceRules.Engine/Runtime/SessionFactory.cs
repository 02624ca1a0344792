using System.Collections.Concurrent;

namespace ComplianceRules.Engine.Runtime;

internal sealed record EvidenceSlot(string Alias, int Slot);

/// <summary>A rule with every expression compiled to a delegate, for one set of parameter values.</summary>
internal sealed class CompiledRule(
    IRuleDefinition definition,
    int index,
    LeftHandNode[] nodes,
    int slotCount,
    int identityCount,
    EvidenceSlot[] evidence,
    Action<IContext, object?[]>[] actions)
{
    public IRuleDefinition Definition { get; } = definition;

    /// <summary>Position in the rule set; breaks agenda ties for the first Fire().</summary>
    public int Index { get; } = index;

    public int Priority { get; } = definition.Priority;

    public LeftHandNode[] Nodes { get; } = nodes;

    public int SlotCount { get; } = slotCount;

    public int IdentityCount { get; } = identityCount;

    public EvidenceSlot[] Evidence { get; } = evidence;

    public Action<IContext, object?[]>[] Actions { get; } = actions;

    /// <summary>Pattern types with no fact in working memory, any of them, mean the rule cannot match: a session need not search.</summary>
    public int[] RequiredPatternTypeIds { get; } = [.. nodes.Select(node => node.RequiredPatternTypeId).Where(id => id >= 0).Distinct()];
}

/// <summary>A runtime type of facts, numbered by its factory: the pattern types it is assignable to.</summary>
internal sealed class FactType(int id, Type type, int[] patternTypeIds)
{
    /// <summary>Dense from 0 within one factory: a session keeps its facts by type in an array.</summary>
    public int Id { get; } = id;

    public Type Type { get; } = type;

    public int[] PatternTypeIds { get; } = patternTypeIds;

    /// <summary>No fact of another runtime type can be assignable to it.</summary>
    public bool IsSealed { get; } = type.IsSealed;

    /// <summary>Reads lists of this type in place when inserted lazily; null when they are inserted fact by fact.</summary>
    public ListView? ListView { get; } = patternTypeIds.Length > 0 ? ListView.For(type) : null;
}

/// <summary>A type some pattern matches on: the rules to re-evaluate and the join indexes to maintain when such a fact changes.</summary>
internal sealed class PatternType(Type type, int[] dependentRules, JoinIndex[] indexes)
{
    public Type Type { get; } = type;

    public int[] DependentRules { get; } = dependentRules;

    public JoinIndex[] Indexes { get; } = indexes;
}

internal sealed class SessionFactory : ISessionFactory
{
    /// <summary>Larger sessions grow as before; this only sizes the start.</summary>
    private const int MaxTypicalFactCount = 1024;

    private readonly ConcurrentDictionary<Type, FactType> _factTypes = new();
    private int _factTypeCount;
    private int _typicalFactCount;

    public SessionFactory(IReadOnlyList<IRuleDefinition> definitions, CompiledRule[] rules, PatternType[] patternTypes, int indexCount)
    {
        Rules = definitions;
        CompiledRules = rules;
        PatternTypes = patternTypes;
        IndexCount = indexCount;
        MaxSlotCount = rules.Length == 0 ? 0 : rules.Max(r => r.SlotCount);
        MaxIdentityCount = rules.Length == 0 ? 0 : rules.Max(r => r.IdentityCount);
        ExactFactTypeIds = [.. patternTypes.Select(p => p.Type.IsSealed ? FactTypeOf(p.Type).Id : -1)];
    }

    public IReadOnlyList<IRuleDefinition> Rules { get; }

    internal CompiledRule[] CompiledRules { get; }

    internal PatternType[] PatternTypes { get; }

    internal int IndexCount { get; }

    /// <summary>The most slots, and identities, any rule's match needs: the size of a session's search buffers.</summary>
    internal int MaxSlotCount { get; }

    internal int MaxIdentityCount { get; }

    /// <summary>
    /// By pattern type id: the one fact type whose facts are all that a sealed pattern type can
    /// match (-1 for the others). A session reads such a pattern's facts from that fact type's own
    /// list instead of keeping a second list of the same facts in the same order.
    /// </summary>
    internal int[] ExactFactTypeIds { get; }

    /// <summary>The session last disposed on this thread, empty, kept for the next CreateSession of its factory.</summary>
    [ThreadStatic]
    private static Session? t_spare;

    public ISession CreateSession()
    {
        if (t_spare is { } spare && spare.Factory == this)
        {
            t_spare = null;
            return spare;
        }

        return new Session(this);
    }

    internal void Recycle(Session session)
    {
        session.Reset();
        t_spare = session;
    }

    /// <summary>
    /// A running average of the facts a session holds when it first fires: the capacity new
    /// sessions start with. A sizing hint only (no behaviour depends on it), so concurrent
    /// sessions may update it without synchronisation.
    /// </summary>
    internal int TypicalFactCount => Volatile.Read(ref _typicalFactCount);

    internal void ObserveFactCount(int count)
    {
        // Written only when it moves: every evaluating thread writing the same field for every case
        // would pass its cache line from core to core.
        var typical = Volatile.Read(ref _typicalFactCount);
        var next = Math.Min(MaxTypicalFactCount, typical + (count - typical) / 8);
        if (next != typical)
        {
            Volatile.Write(ref _typicalFactCount, next);
        }
    }

    /// <summary>How many fact types have been numbered so far.</summary>
    internal int FactTypeCount => Volatile.Read(ref _factTypeCount);

    /// <summary>A runtime type of facts with the pattern types it is assignable to; made once per type, shared by every session.</summary>
    internal FactType FactTypeOf(Type factType) =>
        _factTypes.TryGetValue(factType, out var known) ? known : NumberFactType(factType);

    private FactType NumberFactType(Type factType)
    {
        lock (_factTypes)
        {
            if (!_factTypes.TryGetValue(factType, out var known))
            {
                known = new FactType(_factTypeCount, factType, MatchingPatternTypes(factType, PatternTypes));
                _factTypes[factType] = known;
                Volatile.Write(ref _factTypeCount, _factTypeCount + 1);
            }

            return known;
        }
    }

    private static int[] MatchingPatternTypes(Type factType, PatternType[] patternTypes)
    {
        var ids = new List<int>();
        for (var id = 0; id < patternTypes.Length; id++)
        {
            if (patternTypes[id].Type.IsAssignableFrom(factType))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }
}
