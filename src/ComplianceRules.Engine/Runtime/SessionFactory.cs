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
}

/// <summary>A type some pattern matches on: the rules to re-evaluate and the join indexes to maintain when such a fact changes.</summary>
internal sealed class PatternType(Type type, int[] dependentRules, JoinIndex[] indexes)
{
    public Type Type { get; } = type;

    public int[] DependentRules { get; } = dependentRules;

    public JoinIndex[] Indexes { get; } = indexes;
}

internal sealed class SessionFactory(IReadOnlyList<IRuleDefinition> definitions, CompiledRule[] rules, PatternType[] patternTypes, int indexCount)
    : ISessionFactory
{
    /// <summary>Larger sessions grow as before; this only sizes the start.</summary>
    private const int MaxTypicalFactCount = 1024;

    private readonly ConcurrentDictionary<Type, int[]> _patternTypesByFactType = new();
    private int _typicalFactCount;

    public IReadOnlyList<IRuleDefinition> Rules { get; } = definitions;

    internal CompiledRule[] CompiledRules { get; } = rules;

    internal PatternType[] PatternTypes { get; } = patternTypes;

    internal int IndexCount { get; } = indexCount;

    public ISession CreateSession() => new Session(this);

    /// <summary>
    /// A running average of the facts a session holds when it first fires: the capacity new
    /// sessions start with. A sizing hint only (no behaviour depends on it), so concurrent
    /// sessions may update it without synchronisation.
    /// </summary>
    internal int TypicalFactCount => Volatile.Read(ref _typicalFactCount);

    internal void ObserveFactCount(int count)
    {
        var typical = Volatile.Read(ref _typicalFactCount);
        Volatile.Write(ref _typicalFactCount, Math.Min(MaxTypicalFactCount, typical + (count - typical) / 8));
    }

    /// <summary>Ids of the pattern types a fact of this runtime type is assignable to; computed once per type.</summary>
    internal int[] PatternTypesOf(Type factType) =>
        _patternTypesByFactType.GetOrAdd(factType, static (type, patternTypes) => MatchingPatternTypes(type, patternTypes), PatternTypes);

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
