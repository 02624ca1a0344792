namespace ComplianceRules.Engine.Runtime;

internal sealed class Session : ISession
{
    private readonly SessionFactory _factory;
    private readonly CompiledRule[] _rules;
    private readonly List<object> _facts;
    private readonly HashSet<object> _factSet;
    private readonly List<object>?[] _factsByPatternType;
    private readonly FactIndex?[] _indexes;
    private readonly RuleState?[] _ruleStates;
    private readonly bool[] _isDirty;
    private readonly List<int> _dirtyRules = [];
    private readonly SortedSet<Activation> _agenda = new(Activation.FiringOrder);
    private readonly List<RuleFiring> _firings = [];
    private readonly ActionContext _context;
    private bool _evaluateAllRules = true;
    private long _nextSequence;
    private int _evaluationGeneration;
    private Type? _lastFactType;
    private int[] _lastPatternTypes = [];

    public Session(SessionFactory factory)
    {
        _factory = factory;
        // Sized for a typical session of this factory, so working memory does not grow by rehashing.
        _facts = new List<object>(factory.TypicalFactCount);
        _factSet = new HashSet<object>(factory.TypicalFactCount, ReferenceEqualityComparer.Instance);
        _rules = factory.CompiledRules;
        _factsByPatternType = new List<object>?[factory.PatternTypes.Length];
        _indexes = new FactIndex?[factory.IndexCount];
        _ruleStates = new RuleState?[_rules.Length];
        _isDirty = new bool[_rules.Length];
        _context = new ActionContext(this);
    }

    public IReadOnlyList<RuleFiring> Firings => _firings;

    /// <summary>How many conditions were evaluated; lets tests prove joins use the hash index.</summary>
    internal long ConditionEvaluations { get; set; }

    public void Insert(object fact)
    {
        if (!TryInsert(fact))
        {
            throw new ArgumentException("This fact instance is already in working memory.", nameof(fact));
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            Insert(fact);
        }
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_factSet.Add(fact))
        {
            return false;
        }

        _facts.Add(fact);
        foreach (var typeId in PatternTypesOf(fact.GetType()))
        {
            (_factsByPatternType[typeId] ??= []).Add(fact);
            var patternType = _factory.PatternTypes[typeId];
            foreach (var index in patternType.Indexes)
            {
                _indexes[index.Id]?.Add(fact, KeyOf(index, fact));
            }

            MarkDirty(patternType.DependentRules);
        }

        return true;
    }

    public bool CanMatch(Type factType) => PatternTypesOf(factType).Length > 0;

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!_factSet.Remove(fact))
        {
            throw new ArgumentException("This fact instance is not in working memory.", nameof(fact));
        }

        FactLists.RemoveByReference(_facts, fact);
        foreach (var typeId in PatternTypesOf(fact.GetType()))
        {
            FactLists.RemoveByReference(_factsByPatternType[typeId]!, fact);
            var patternType = _factory.PatternTypes[typeId];
            foreach (var index in patternType.Indexes)
            {
                _indexes[index.Id]?.Remove(fact, KeyOf(index, fact));
            }

            MarkDirty(patternType.DependentRules);
        }
    }

    public int Fire()
    {
        _factory.ObserveFactCount(_facts.Count);
        var fired = 0;
        while (true)
        {
            RefreshAgenda();
            if (_agenda.Min is not { } activation)
            {
                return fired;
            }

            _agenda.Remove(activation);
            var state = _ruleStates[activation.Rule.Index]!;
            state.Pending.Remove(activation.Key);
            state.Fired.Add(activation.Key);
            Execute(activation);
            fired++;
        }
    }

    public IEnumerable<T> Query<T>()
    {
        var result = new List<T>();
        foreach (var fact in _facts)
        {
            if (fact is T typed)
            {
                result.Add(typed);
            }
        }

        return result;
    }

    /// <summary>The factory's pattern types for a fact type, remembering the last one: facts mostly come in runs of one type.</summary>
    private int[] PatternTypesOf(Type factType)
    {
        if (factType != _lastFactType)
        {
            _lastPatternTypes = _factory.PatternTypesOf(factType);
            _lastFactType = factType;
        }

        return _lastPatternTypes;
    }

    internal List<object> FactsOf(int patternTypeId) => _factsByPatternType[patternTypeId] ?? FactLists.Empty;

    internal List<object> Lookup(JoinIndex index, object? key) => (_indexes[index.Id] ??= BuildIndex(index)).Lookup(key);

    private FactIndex BuildIndex(JoinIndex index)
    {
        var factIndex = new FactIndex(index.Comparer);
        foreach (var fact in FactsOf(index.PatternTypeId))
        {
            factIndex.Add(fact, index.KeyOf(fact));
        }

        return factIndex;
    }

    private static object? KeyOf(JoinIndex index, object fact)
    {
        try
        {
            return index.KeyOf(fact);
        }
        catch (Exception e)
        {
            throw new RuleExecutionException(index.Owner, "computing a join key failed", e);
        }
    }

    private void MarkDirty(int[] ruleIndexes)
    {
        if (_evaluateAllRules)
        {
            return;
        }

        foreach (var ruleIndex in ruleIndexes)
        {
            if (!_isDirty[ruleIndex])
            {
                _isDirty[ruleIndex] = true;
                _dirtyRules.Add(ruleIndex);
            }
        }
    }

    /// <summary>Re-evaluates changed rules; dirty rules go in rule order so new activations tie-break FIFO by rule, then by fact order.</summary>
    private void RefreshAgenda()
    {
        if (_evaluateAllRules)
        {
            _evaluateAllRules = false;
            for (var i = 0; i < _rules.Length; i++)
            {
                Reconcile(_rules[i]);
            }

            return;
        }

        if (_dirtyRules.Count == 0)
        {
            return;
        }

        _dirtyRules.Sort();
        foreach (var ruleIndex in _dirtyRules)
        {
            _isDirty[ruleIndex] = false;
            Reconcile(_rules[ruleIndex]);
        }

        _dirtyRules.Clear();
    }

    /// <summary>Adds activations for new matches and drops pending ones that no longer match.</summary>
    private void Reconcile(CompiledRule rule)
    {
        var matches = Evaluate(rule);
        var state = _ruleStates[rule.Index];
        if (state is null)
        {
            if (matches.Count == 0)
            {
                return;
            }

            state = _ruleStates[rule.Index] = new RuleState();
        }

        var generation = ++_evaluationGeneration;
        foreach (var match in matches)
        {
            if (state.Fired.Contains(match.Key))
            {
                continue;
            }

            if (state.Pending.TryGetValue(match.Key, out var pending))
            {
                // Same facts, but Let values or query contents may have been recomputed.
                pending.Slots = match.Slots;
            }
            else
            {
                pending = new Activation(rule, match.Key, match.Slots, _nextSequence++);
                state.Pending.Add(match.Key, pending);
                _agenda.Add(pending);
            }

            pending.Generation = generation;
        }

        if (state.Pending.Count > 0)
        {
            RemoveStale(state, generation);
        }
    }

    private void RemoveStale(RuleState state, int generation)
    {
        List<Activation>? stale = null;
        foreach (var pending in state.Pending.Values)
        {
            if (pending.Generation != generation)
            {
                (stale ??= []).Add(pending);
            }
        }

        if (stale is null)
        {
            return;
        }

        foreach (var activation in stale)
        {
            state.Pending.Remove(activation.Key);
            _agenda.Remove(activation);
        }
    }

    private List<RuleMatch> Evaluate(CompiledRule rule)
    {
        try
        {
            return new MatchSearch(this, rule).Run();
        }
        catch (Exception e) when (e is not RuleExecutionException)
        {
            throw new RuleExecutionException(rule.Definition, "evaluating a condition failed", e);
        }
    }

    private void Execute(Activation activation)
    {
        var rule = activation.Rule;
        var evidence = new MatchedFact[rule.Evidence.Length];
        for (var i = 0; i < evidence.Length; i++)
        {
            var slot = rule.Evidence[i];
            evidence[i] = new MatchedFact(slot.Alias, activation.Slots[slot.Slot]!);
        }

        var firing = new RuleFiring(rule.Definition, evidence);
        _context.Current = firing;
        foreach (var action in rule.Actions)
        {
            try
            {
                action(_context, activation.Slots);
            }
            catch (Exception e) when (e is not RuleExecutionException)
            {
                throw new RuleExecutionException(rule.Definition, "an action failed", e);
            }
        }

        _firings.Add(firing);
    }

    private sealed class RuleState
    {
        public Dictionary<object, Activation> Pending { get; } = new(MatchIdentityComparer.Instance);

        public HashSet<object> Fired { get; } = new(MatchIdentityComparer.Instance);
    }

    private sealed class ActionContext(Session session) : IContext
    {
        public RuleFiring? Current { get; set; }

        public IRuleDefinition Rule => Current!.Rule;

        public IMatch Match => Current!;

        public void Insert(object fact) => session.Insert(fact);

        public void InsertAll(IEnumerable<object> facts) => session.InsertAll(facts);

        public bool TryInsert(object fact) => session.TryInsert(fact);

        public void Retract(object fact) => session.Retract(fact);
    }
}

internal sealed class Activation(CompiledRule rule, CompositeIdentity key, object?[] slots, long sequence)
{
    /// <summary>Higher priority first; then first created, first fired.</summary>
    public static readonly IComparer<Activation> FiringOrder = Comparer<Activation>.Create(static (x, y) =>
    {
        var byPriority = y.Rule.Priority.CompareTo(x.Rule.Priority);
        return byPriority != 0 ? byPriority : x.Sequence.CompareTo(y.Sequence);
    });

    public CompiledRule Rule { get; } = rule;

    public CompositeIdentity Key { get; } = key;

    public object?[] Slots { get; set; } = slots;

    public long Sequence { get; } = sequence;

    /// <summary>Last evaluation that still produced this match.</summary>
    public int Generation { get; set; }
}
