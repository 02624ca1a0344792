using System.Runtime.InteropServices;

namespace ComplianceRules.Engine.Runtime;

internal sealed class Session : ISession
{
    private readonly SessionFactory _factory;
    private readonly CompiledRule[] _rules;
    private readonly FactList _facts;
    private readonly FactList?[] _factsByPatternType;
    private readonly FactIndex?[] _indexes; // built for the current case; null until a search needs it
    private readonly FactIndex?[] _emptiedIndexes; // built for an earlier case, emptied, kept to be filled again
    private readonly RuleState?[] _ruleStates;
    private readonly bool[] _isDirty;
    private readonly List<int> _dirtyRules = [];
    private readonly Agenda _agenda = new();
    private readonly List<Activation> _fired = [];
    private List<RuleFiring>? _firings; // made when first asked for: the caller may hold the last case's
    private readonly ActionContext _context;
    private readonly MatchSearch _search;
    private FactBucket?[] _factsByType;
    private bool _evaluateAllRules = true;
    private readonly List<int> _builtIndexIds = [];
    private int _evaluationGeneration;
    private RuleState _reconciling = null!; // the rule state Matched adds to, while Reconcile searches
    private readonly FactTypeTable _knownFactTypes = new();
    private readonly List<DeferredFacts> _deferredFacts = [];
    private int _deferredInUse;
    private readonly List<DeferredLists> _deferredLists = [];
    private int _deferredListsInUse;
    private readonly List<ListsPlan> _listsPlans = []; // one per FactLists this session was given

    // By fact type id: a list inserted with its owner (InsertLazily(FactLists, owner)) and not read yet.
    private PendingList[] _pending = [];
    private int _pendingCount;

    // What the current case put something into, so that Reset clears those and not every list and
    // rule state the session ever made (a case uses a few of the catalogue's record types and rules).
    private readonly List<FactBucket> _usedBuckets = [];
    private readonly List<FactList> _usedPatternLists = [];
    private readonly List<RuleState> _usedRuleStates = [];

    public Session(SessionFactory factory)
    {
        _factory = factory;
        // Sized for a typical session of this factory, so working memory does not grow by copying.
        _facts = new FactList(factory.TypicalFactCount);
        _factsByType = new FactBucket?[factory.FactTypeCount];
        _rules = factory.CompiledRules;
        _factsByPatternType = new FactList?[factory.PatternTypes.Length];
        _indexes = new FactIndex?[factory.IndexCount];
        _emptiedIndexes = new FactIndex?[factory.IndexCount];
        _ruleStates = new RuleState?[_rules.Length];
        _isDirty = new bool[_rules.Length];
        _context = new ActionContext(this);
        _search = new MatchSearch(this, factory.MaxSlotCount, factory.MaxIdentityCount);
    }

    public IReadOnlyList<RuleFiring> Firings => _firings ??= _fired.ConvertAll(activation => activation.Firing);

    internal SessionFactory Factory => _factory;

    /// <summary>Hands the session back to its factory, emptied, for the next case on this thread.</summary>
    public void Dispose() => _factory.Recycle(this);

    /// <summary>
    /// Empties the session so that it behaves exactly as a new one, keeping the lists and arrays it
    /// grew: a nightly run creates a session per case, and allocating them was a good part of the cost.
    /// </summary>
    internal void Reset()
    {
        _facts.Clear();
        foreach (var bucket in _usedBuckets)
        {
            bucket.Clear();
        }

        _usedBuckets.Clear();
        foreach (var facts in _usedPatternLists)
        {
            facts.Clear();
        }

        _usedPatternLists.Clear();

        foreach (var id in _builtIndexIds)
        {
            var index = _indexes[id]!;
            index.Clear();
            (_emptiedIndexes[id], _indexes[id]) = (index, null);
        }

        _builtIndexIds.Clear();

        for (var i = 0; i < _deferredInUse; i++)
        {
            _deferredFacts[i].Release();
        }

        _deferredInUse = 0;
        for (var i = 0; i < _deferredListsInUse; i++)
        {
            var holder = _deferredLists[i];
            foreach (var waiting in holder.Plan.Waiting)
            {
                _pending[holder.Plan.Types[waiting]!.Id] = default;
            }

            holder.Release();
        }

        _deferredListsInUse = 0;
        _pendingCount = 0;

        foreach (var state in _usedRuleStates)
        {
            state.Clear();
        }

        _usedRuleStates.Clear();

        foreach (var ruleIndex in _dirtyRules)
        {
            _isDirty[ruleIndex] = false;
        }

        _dirtyRules.Clear();
        _agenda.Clear();
        _fired.Clear();
        _firings = null;
        _context.Current = null;
        _reconciling = null!;
        _search.Clear();
        _evaluateAllRules = true;
        _evaluationGeneration = 0;
        ConditionEvaluations = 0;
    }

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
        if (facts is IReadOnlyList<object> list)
        {
            // A case's records come as lists of one type: reserve room for them once.
            for (var i = 0; i < list.Count; i++)
            {
                if (!TryInsert(list[i], expected: list.Count - i))
                {
                    throw new ArgumentException("This fact instance is already in working memory.", nameof(facts));
                }
            }

            return;
        }

        foreach (var fact in facts)
        {
            Insert(fact);
        }
    }

    public bool TryInsert(object fact) => TryInsert(fact, expected: 1);

    /// <param name="expected">How many more facts, probably of the same type, are about to come.</param>
    private bool TryInsert(object fact, int expected)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var type = FactTypeOf(fact.GetType());
        var bucket = BucketOf(type, expected);
        if (bucket.Contains(fact))
        {
            return false;
        }

        if (bucket.Count == 0)
        {
            _usedBuckets.Add(bucket);
        }

        bucket.Add(fact);
        _facts.Add(fact);
        AddToPatternTypes(type, fact, expected, markDirty: true);
        return true;
    }

    public void InsertLazily(Type factType, IReadOnlyList<object> facts)
    {
        ArgumentNullException.ThrowIfNull(factType);
        ArgumentNullException.ThrowIfNull(facts);
        // A list no pattern can see is not touched at all, and one that some pattern can see not
        // before it is needed: with many cases in memory, reading even its count is a cache miss.
        // Behind a type that is not sealed, facts of other types may hide, which patterns may see.
        var type = FactTypeOf(factType);
        if (type.IsSealed && type.PatternTypeIds.Length == 0)
        {
            return;
        }

        var bucket = BucketOf(type, expected: 0);
        if (type.ListView is null || bucket.Count > 0)
        {
            // Facts of other runtime types may hide behind the type, or duplicates of facts already
            // here: only fact by fact can tell.
            InsertAll(facts);
            return;
        }

        _facts.Add(HoldInBucket(type, bucket, facts, markDirty: true));
    }

    public void InsertLazily(FactLists lists, object owner)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(owner);
        if (!lists.IsOwner(owner))
        {
            throw new ArgumentException($"A {owner.GetType().Name} does not hold these fact lists.", nameof(owner));
        }

        var plan = PlanOf(lists);
        var seen = plan.Seen;
        if (seen.Length == 0)
        {
            return;
        }

        foreach (var i in seen)
        {
            var type = plan.Types[i]!;
            if (_pending[type.Id].Holder is not null || (type.Id < _factsByType.Length && _factsByType[type.Id] is { Count: > 0 }))
            {
                // Facts of these types are here already, so duplicates are possible: each list goes in as it would alone.
                foreach (var j in seen)
                {
                    InsertLazily(plan.Types[j]!.Type, lists.Read(j, owner));
                }

                return;
            }
        }

        // One entry stands for every list in the session's list of all facts, in their order.
        var holder = NextDeferredLists();
        holder.Hold(plan, owner);
        _facts.Add(holder);
        foreach (var i in plan.Waiting)
        {
            _pending[plan.Types[i]!.Id] = new PendingList(holder, i);
        }

        _pendingCount += plan.Waiting.Length;
        foreach (var i in plan.ReadAtOnce)
        {
            ReadList(holder, i);
        }

        if (!_evaluateAllRules)
        {
            foreach (var i in seen)
            {
                foreach (var typeId in plan.Types[i]!.PatternTypeIds)
                {
                    MarkDirty(_factory.PatternTypes[typeId].DependentRules);
                }
            }
        }
    }

    /// <summary>What this session does with each list of <paramref name="lists"/>: worked out once, the first time it meets them.</summary>
    private ListsPlan PlanOf(FactLists lists)
    {
        foreach (var known in _listsPlans)
        {
            if (ReferenceEquals(known.Lists, lists))
            {
                return known;
            }
        }

        lists.Freeze();
        var types = new FactType?[lists.FactTypes.Count];
        var readWhenNeeded = new bool[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            var type = FactTypeOf(lists.FactTypes[i]);
            if (type.PatternTypeIds.Length == 0)
            {
                continue; // no pattern can see it (the type is sealed): never read
            }

            types[i] = type;
            // Only when its facts are nowhere but in its own bucket (no pattern on a base type keeps a
            // list of them too) can the list wait until that bucket is first read.
            readWhenNeeded[i] = type.PatternTypeIds.All(id => _factory.ExactFactTypeIds[id] == type.Id);
            if (type.Id >= _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(type.Id + 1, _factory.FactTypeCount));
            }
        }

        var plan = new ListsPlan(lists, types, readWhenNeeded);
        _listsPlans.Add(plan);
        return plan;
    }

    /// <summary>Reads a pending list into working memory the first time its fact type's bucket is needed.</summary>
    private void ReadIfPending(int factTypeId)
    {
        if (_pendingCount > 0 && factTypeId < _pending.Length && _pending[factTypeId].Holder is { } holder)
        {
            var index = _pending[factTypeId].Index;
            _pending[factTypeId] = default;
            _pendingCount--;
            ReadList(holder, index);
        }
    }

    /// <summary>
    /// Puts one list of a <see cref="DeferredLists"/> into its type's bucket, pattern lists and the
    /// join indexes built so far, as InsertLazily(type, list) would. It does not go into the list of
    /// all facts (the holder is there), and marks no rule dirty: its facts have been in working
    /// memory since the insertion (which marked the rules that see them), and no rule has read them yet.
    /// </summary>
    private void ReadList(DeferredLists holder, int index)
    {
        var type = holder.Plan.Types[index]!;
        var facts = holder.Read(index);
        if (type.ListView!.TryRead(facts, out var inPlace) ? inPlace.IsEmpty : facts.Count == 0)
        {
            return; // most of a case's lists are empty: its bucket stays as empty as it is
        }

        HoldInBucket(type, BucketOf(type, expected: 0), facts, markDirty: false);
    }

    /// <summary>Puts a whole list, unread, into its type's (empty) bucket and pattern lists, and into the join indexes built so far.</summary>
    private DeferredFacts HoldInBucket(FactType type, FactBucket bucket, IReadOnlyList<object> facts, bool markDirty)
    {
        var deferred = NextDeferredFacts();
        deferred.Hold(type, facts);
        _usedBuckets.Add(bucket);
        bucket.Add(deferred);
        AddToPatternTypes(type, deferred, expected: 1, markDirty);
        return deferred;
    }

    private DeferredLists NextDeferredLists()
    {
        if (_deferredListsInUse == _deferredLists.Count)
        {
            _deferredLists.Add(new DeferredLists());
        }

        return _deferredLists[_deferredListsInUse++];
    }

    /// <summary>
    /// Puts a fact, or a deferred list of facts, into the facts of every pattern type its type is
    /// assignable to, keeps the join indexes built so far up to date, and marks the rules reading
    /// those pattern types for re-evaluation.
    /// </summary>
    private void AddToPatternTypes(FactType type, object entry, int expected, bool markDirty)
    {
        var deferred = entry as DeferredFacts;
        foreach (var typeId in type.PatternTypeIds)
        {
            // A sealed pattern type's facts are this fact type's own list (FactsOf): nothing to add.
            if (_factory.ExactFactTypeIds[typeId] < 0)
            {
                var facts = _factsByPatternType[typeId] ??= new FactList(expected);
                if (facts.EntryCount == 0)
                {
                    _usedPatternLists.Add(facts);
                }

                if (deferred is null)
                {
                    facts.Add(entry, expected);
                }
                else
                {
                    facts.Add(deferred);
                }
            }

            var patternType = _factory.PatternTypes[typeId];
            foreach (var index in patternType.Indexes)
            {
                if (_indexes[index.Id] is not { } built)
                {
                    continue;
                }

                if (deferred is null)
                {
                    built.Add(entry, KeyOf(index, entry));
                    continue;
                }

                foreach (var fact in deferred.Facts)
                {
                    built.Add(fact, KeyOf(index, fact));
                }
            }

            if (markDirty)
            {
                MarkDirty(patternType.DependentRules);
            }
        }
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var type = FactTypeOf(fact.GetType());
        ReadIfPending(type.Id);
        if (type.Id >= _factsByType.Length || _factsByType[type.Id]?.Remove(fact) != true)
        {
            throw new ArgumentException("This fact instance is not in working memory.", nameof(fact));
        }

        _facts.Remove(fact);
        foreach (var typeId in type.PatternTypeIds)
        {
            if (_factory.ExactFactTypeIds[typeId] < 0)
            {
                _factsByPatternType[typeId]!.Remove(fact);
            }

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
        _factory.ObserveFactCount(_facts.EntryCount);
        var fired = 0;
        while (true)
        {
            RefreshAgenda();
            if (_agenda.Next() is not { } activation)
            {
                return fired;
            }

            activation.State = ActivationState.Fired;
            Execute(activation);
            fired++;
        }
    }

    public IEnumerable<T> Query<T>()
    {
        var type = FactTypeOf(typeof(T));
        if (type.IsSealed)
        {
            // Only facts of exactly this type can be assignable to it: no need to look at the others.
            ReadIfPending(type.Id);
            var facts = type.Id < _factsByType.Length && _factsByType[type.Id] is { } bucket ? bucket.Facts.Facts : [];
            if (facts.IsEmpty)
            {
                return []; // most cases report nothing under most rules: no list for them
            }

            var typed = new List<T>(facts.Length);
            foreach (var fact in facts)
            {
                typed.Add((T)fact);
            }

            return typed;
        }

        var result = new List<T>();
        foreach (var fact in _facts.Facts)
        {
            if (fact is T typed)
            {
                result.Add(typed);
            }
        }

        return result;
    }

    /// <summary>
    /// The factory's view of a fact type, through this session's own table of the types it met: a
    /// case brings some twenty record types, each looked up once per case. The table outlives
    /// <see cref="Reset"/> (a fact type belongs to the factory), so sessions reused on a thread find it full.
    /// </summary>
    private FactType FactTypeOf(Type factType) => _knownFactTypes.Find(factType) ?? _knownFactTypes.Add(_factory.FactTypeOf(factType));

    /// <summary>A holder for a deferred list: reused from earlier cases on this session, so inserting a case's lists allocates nothing.</summary>
    private DeferredFacts NextDeferredFacts()
    {
        if (_deferredInUse == _deferredFacts.Count)
        {
            _deferredFacts.Add(new DeferredFacts());
        }

        return _deferredFacts[_deferredInUse++];
    }

    private FactBucket BucketOf(FactType type, int expected)
    {
        ReadIfPending(type.Id);
        if (type.Id >= _factsByType.Length)
        {
            // A fact type the factory first saw after this session was created.
            Array.Resize(ref _factsByType, Math.Max(type.Id + 1, _factory.FactTypeCount));
        }

        return _factsByType[type.Id] ??= new FactBucket(expected);
    }

    /// <summary>
    /// The fact type whose bucket holds all of a sealed pattern type's facts (-1 for the others),
    /// with a list of that type still unread put in place first: every search reads through here.
    /// </summary>
    private int ExactFactTypeOf(int patternTypeId)
    {
        var exact = _factory.ExactFactTypeIds[patternTypeId];
        if (exact >= 0)
        {
            ReadIfPending(exact);
        }

        return exact;
    }

    internal ReadOnlySpan<object> FactsOf(int patternTypeId)
    {
        var exact = ExactFactTypeOf(patternTypeId);
        var facts = exact < 0 ? _factsByPatternType[patternTypeId]
            : exact < _factsByType.Length ? _factsByType[exact]?.Facts
            : null;
        return facts is null ? [] : facts.Facts;
    }

    internal ReadOnlySpan<object> Lookup(JoinIndex index, object? key)
    {
        // An index built before a list was inserted with its owner has not seen that list yet.
        ExactFactTypeOf(index.PatternTypeId);
        return CollectionsMarshal.AsSpan((_indexes[index.Id] ?? BuildIndex(index)).Lookup(key));
    }

    private FactIndex BuildIndex(JoinIndex index)
    {
        var factIndex = _emptiedIndexes[index.Id] ?? new FactIndex(index.Comparer);
        _emptiedIndexes[index.Id] = null;
        foreach (var fact in FactsOf(index.PatternTypeId))
        {
            factIndex.Add(fact, index.KeyOf(fact));
        }

        _builtIndexIds.Add(index.Id);
        return _indexes[index.Id] = factIndex;
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

    /// <summary>Adds activations for new matches, refreshes pending ones that still match and drops those that no longer do.</summary>
    private void Reconcile(CompiledRule rule)
    {
        var state = _ruleStates[rule.Index];
        if ((state is null || state.IsEmpty) && !CouldMatch(rule))
        {
            return; // no activation to refresh or drop, and no match to find: most rules, for most cases
        }

        _reconciling = state ??= _ruleStates[rule.Index] = new RuleState();
        ++_evaluationGeneration;
        Evaluate(rule);
        state.DropPendingNotSeenIn(_evaluationGeneration);
    }

    /// <summary>One match of the rule being reconciled, in the search's buffers: copied only when it is new.</summary>
    internal void Matched(CompiledRule rule, ReadOnlySpan<object?> slots, ReadOnlySpan<object?> identity)
    {
        var state = _reconciling;
        if (state.Find(identity) is not { } known)
        {
            var activation = new Activation(rule, slots, identity) { Generation = _evaluationGeneration };
            if (state.IsEmpty)
            {
                _usedRuleStates.Add(state);
            }

            state.Add(activation);
            _agenda.Add(activation);
        }
        else if (known.State == ActivationState.Pending)
        {
            // Same facts, but Let values or query contents may have been recomputed.
            known.Refresh(slots);
            known.Generation = _evaluationGeneration;
        }
    }

    /// <summary>False when some pattern the rule needs a fact of has none: its search would find nothing.</summary>
    private bool CouldMatch(CompiledRule rule)
    {
        foreach (var patternTypeId in rule.RequiredPatternTypeIds)
        {
            if (!HasFacts(patternTypeId))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether facts of a pattern type may be in working memory (a deferred list counts, even an empty one).</summary>
    private bool HasFacts(int patternTypeId)
    {
        var exact = ExactFactTypeOf(patternTypeId);
        if (exact < 0)
        {
            return _factsByPatternType[patternTypeId] is { EntryCount: > 0 };
        }

        return exact < _factsByType.Length && _factsByType[exact] is { Count: > 0 };
    }

    private void Evaluate(CompiledRule rule)
    {
        try
        {
            _search.Run(rule);
        }
        catch (Exception e) when (e is not RuleExecutionException)
        {
            throw new RuleExecutionException(rule.Definition, "evaluating a condition failed", e);
        }
    }

    private void Execute(Activation activation)
    {
        var rule = activation.Rule;
        _context.Current = activation;
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

        _fired.Add(activation);
        _firings?.Add(activation.Firing);
    }

    private sealed class ActionContext(Session session) : IContext
    {
        public Activation? Current { get; set; }

        public IRuleDefinition Rule => Current!.Rule.Definition;

        public IMatch Match => Current!;

        public void Insert(object fact) => session.Insert(fact);

        public void InsertAll(IEnumerable<object> facts) => session.InsertAll(facts);

        public bool TryInsert(object fact) => session.TryInsert(fact);

        public void Retract(object fact) => session.Retract(fact);
    }
}

/// <summary>
/// The facts of one runtime type in a session, in insertion order. An instance can only be a
/// duplicate of a fact of its own type, so this is where "already in working memory" is decided:
/// by scanning while the facts are few (cheaper than hashing a fresh object), by hashing when many.
/// </summary>
internal sealed class FactBucket(int capacity)
{
    private const int ScanLimit = 32;
    private HashSet<object>? _set;

    public FactList Facts { get; } = new(capacity);

    /// <summary>Facts and deferred lists: zero only when nothing of this type was ever inserted (or all was retracted).</summary>
    public int Count => Facts.EntryCount;

    public bool Contains(object fact)
    {
        if (_set is not null)
        {
            return _set.Contains(fact);
        }

        var facts = Facts.Facts;
        if (facts.Length > ScanLimit)
        {
            _set = new HashSet<object>(facts.Length, ReferenceEqualityComparer.Instance);
            foreach (var known in facts)
            {
                _set.Add(known);
            }

            return _set.Contains(fact);
        }

        foreach (var known in facts)
        {
            if (ReferenceEquals(known, fact))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(object fact)
    {
        Facts.Add(fact);
        _set?.Add(fact);
    }

    public void Add(DeferredFacts deferred) => Facts.Add(deferred);

    public void Clear()
    {
        Facts.Clear();
        _set = null;
    }

    public bool Remove(object fact)
    {
        if (!Facts.Remove(fact))
        {
            return false;
        }

        _set?.Remove(fact);
        return true;
    }
}

/// <summary>
/// A list of facts of one sealed type inserted whole (<see cref="ISession.InsertLazily"/>): until
/// some pattern, query or duplicate check needs its facts, working memory holds the list, not them.
/// A <c>List&lt;T&gt;</c> or <c>T[]</c> of the type is then read in place; any other list is copied once.
/// </summary>
internal sealed class DeferredFacts : DeferredEntry
{
    private FactType _type = null!;
    private IReadOnlyList<object> _list = null!;
    private object[]? _copy;
    private bool _checked;

    public void Hold(FactType factType, IReadOnlyList<object> facts) => (_type, _list, _copy, _checked) = (factType, facts, null, false);

    /// <summary>Lets go of the case's list when the session is reset (the holder itself is kept for reuse).</summary>
    public void Release() => (_type, _list, _copy) = (null!, null!, null);

    public ReadOnlySpan<object> Facts
    {
        get
        {
            if (_copy is not null)
            {
                return _copy;
            }

            if (_type.ListView!.TryRead(_list, out var facts))
            {
                if (!_checked)
                {
                    ThrowIfAnyNull(_type, facts);
                    _checked = true;
                }

                return facts;
            }

            return _copy = CopyOf(_type, _list);
        }
    }

    public override void AppendTo(List<object> facts) => facts.AddRange(Facts);

    /// <summary>The facts of a list inserted lazily as <paramref name="type"/>, checked, as the session first reads them.</summary>
    public static ReadOnlySpan<object> Read(FactType type, IReadOnlyList<object> list)
    {
        if (type.ListView!.TryRead(list, out var facts))
        {
            ThrowIfAnyNull(type, facts);
            return facts;
        }

        return CopyOf(type, list);
    }

    private static void ThrowIfAnyNull(FactType type, ReadOnlySpan<object> facts)
    {
        // Such a list can only hold the type itself (it is sealed), or null.
        foreach (var fact in facts)
        {
            if (fact is null)
            {
                ThrowIfNotOfType(type, fact);
            }
        }
    }

    private static object[] CopyOf(FactType type, IReadOnlyList<object> list)
    {
        var copy = new object[list.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = list[i];
            ThrowIfNotOfType(type, copy[i]);
        }

        return copy;
    }

    /// <summary>Checked the first time the facts are looked at, not when they were inserted.</summary>
    private static void ThrowIfNotOfType(FactType type, object? fact)
    {
        if (fact?.GetType() != type.Type)
        {
            throw new InvalidOperationException(
                $"A list inserted lazily as {type.Type.Name} holds {(fact is null ? "null" : $"a {fact.GetType().Name}")}: every fact must be of exactly that type.");
        }
    }
}

/// <summary>An entry of a <see cref="FactList"/> that stands for facts not yet put in place.</summary>
internal abstract class DeferredEntry
{
    /// <summary>Appends the facts it stands for, in order.</summary>
    public abstract void AppendTo(List<object> facts);
}

/// <summary>
/// The lists an owner holds, inserted with <see cref="ISession.InsertLazily(FactLists, object)"/>:
/// the entry for all of them in the session's list of all facts, and where each is read from (once)
/// when its type's bucket, or that list of all facts, first needs it.
/// </summary>
internal sealed class DeferredLists : DeferredEntry
{
    private object _owner = null!;
    private IReadOnlyList<object>?[] _read = [];

    public ListsPlan Plan { get; private set; } = null!;

    public void Hold(ListsPlan plan, object owner)
    {
        (Plan, _owner) = (plan, owner);
        if (_read.Length < plan.Types.Length)
        {
            _read = new IReadOnlyList<object>?[plan.Types.Length];
        }
    }

    /// <summary>Lets go of the owner and its lists when the session is reset (the holder is kept for reuse).</summary>
    public void Release()
    {
        foreach (var i in Plan.Seen)
        {
            _read[i] = null; // only a list some pattern can see is ever read
        }

        (Plan, _owner) = (null!, null!);
    }

    public IReadOnlyList<object> Read(int index) => _read[index] ??= Plan.Lists.Read(index, _owner);

    public override void AppendTo(List<object> facts)
    {
        foreach (var i in Plan.Seen)
        {
            facts.AddRange(DeferredFacts.Read(Plan.Types[i]!, Read(i)));
        }
    }
}

/// <summary>
/// What a session does with each list of a <see cref="FactLists"/>: nothing when no pattern can see
/// its type (no <see cref="FactType"/>), read it when its type's bucket is first needed, or read it
/// at once (a pattern on a base type keeps its own list of the facts, in insertion order).
/// </summary>
internal sealed class ListsPlan(FactLists lists, FactType?[] types, bool[] readWhenNeeded)
{
    public FactLists Lists { get; } = lists;

    public FactType?[] Types { get; } = types;

    /// <summary>The lists some pattern can see, in order.</summary>
    public int[] Seen { get; } = [.. Enumerable.Range(0, types.Length).Where(i => types[i] is not null)];

    /// <summary>Of those, the lists read when their type's bucket is first needed.</summary>
    public int[] Waiting { get; } = [.. Enumerable.Range(0, types.Length).Where(i => types[i] is not null && readWhenNeeded[i])];

    /// <summary>And the lists read as soon as they are inserted.</summary>
    public int[] ReadAtOnce { get; } = [.. Enumerable.Range(0, types.Length).Where(i => types[i] is not null && !readWhenNeeded[i])];
}

/// <summary>A list of a <see cref="DeferredLists"/> not read yet: the <paramref name="Index"/>th of its plan.</summary>
internal readonly record struct PendingList(DeferredLists? Holder, int Index);

/// <summary>
/// Facts in insertion order, some of them possibly still inside <see cref="DeferredFacts"/>. A list
/// that is only one deferred list (a case's records of one type) is read in place; otherwise the
/// deferred facts are put in place, in order, the first time the facts are read.
/// </summary>
internal sealed class FactList(int capacity)
{
    private List<object> _entries = new(capacity);
    private int _deferredCount;

    public int EntryCount => _entries.Count;

    /// <summary>Every fact; valid until the list next changes.</summary>
    public ReadOnlySpan<object> Facts
    {
        get
        {
            if (_deferredCount == 1 && _entries.Count == 1 && _entries[0] is DeferredFacts only)
            {
                return only.Facts;
            }

            if (_deferredCount > 0)
            {
                PutDeferredInPlace();
            }

            return CollectionsMarshal.AsSpan(_entries);
        }
    }

    private void PutDeferredInPlace()
    {
        var facts = new List<object>(_entries.Count);
        foreach (var entry in _entries)
        {
            if (entry is DeferredEntry deferred)
            {
                deferred.AppendTo(facts);
            }
            else
            {
                facts.Add(entry);
            }
        }

        _entries = facts;
        _deferredCount = 0;
    }

    public void Add(object fact) => _entries.Add(fact);

    public void Clear()
    {
        // Most of a reused session's lists were not used by the last case.
        if (_entries.Count > 0)
        {
            _entries.Clear();
            _deferredCount = 0;
        }
    }

    /// <param name="expected">How many more facts are about to come: room is made for them once.</param>
    public void Add(object fact, int expected)
    {
        if (_entries.Count == _entries.Capacity)
        {
            _entries.EnsureCapacity(_entries.Count + expected);
        }

        _entries.Add(fact);
    }

    public void Add(DeferredEntry deferred)
    {
        _entries.Add(deferred);
        _deferredCount++;
    }

    public bool Remove(object fact)
    {
        if (_deferredCount > 0)
        {
            PutDeferredInPlace();
        }

        return ObjectLists.RemoveByReference(_entries, fact);
    }
}

/// <summary>
/// The activations one rule has made in a session, pending or fired: a match whose key is here is
/// not new. Found by scanning while few (most rules match a case once or twice), by key when many.
/// </summary>
internal sealed class RuleState
{
    private const int ScanLimit = 8;
    private readonly List<Activation> _activations = [];
    private HashSet<Activation>? _byIdentity;

    public bool IsEmpty => _activations.Count == 0;

    public Activation? Find(ReadOnlySpan<object?> identity)
    {
        if (_byIdentity is not null)
        {
            return _byIdentity.GetAlternateLookup<ReadOnlySpan<object?>>().TryGetValue(identity, out var known) ? known : null;
        }

        foreach (var activation in CollectionsMarshal.AsSpan(_activations))
        {
            if (activation.HasIdentity(identity))
            {
                return activation;
            }
        }

        return null;
    }

    public void Add(Activation activation)
    {
        _activations.Add(activation);
        if (_byIdentity is not null)
        {
            _byIdentity.Add(activation);
        }
        else if (_activations.Count > ScanLimit)
        {
            _byIdentity = new HashSet<Activation>(_activations, ActivationIdentityComparer.Instance);
        }
    }

    public void Clear()
    {
        if (_activations.Count > 0)
        {
            _activations.Clear();
        }

        _byIdentity = null;
    }

    /// <summary>Pending activations the last evaluation no longer produced leave the agenda (fired ones stay: a match fires once).</summary>
    public void DropPendingNotSeenIn(int generation)
    {
        var kept = 0;
        for (var i = 0; i < _activations.Count; i++)
        {
            var activation = _activations[i];
            if (activation.State == ActivationState.Pending && activation.Generation != generation)
            {
                activation.State = ActivationState.Dropped;
                _byIdentity?.Remove(activation);
            }
            else
            {
                _activations[kept++] = activation;
            }
        }

        _activations.RemoveRange(kept, _activations.Count - kept);
    }
}

/// <summary>
/// Pending activations in firing order: highest priority first, then first created first. An
/// activation is always the newest so far, so it goes after every pending one of its priority or
/// higher: at the end, unless a lower priority is pending (a scan back over those). The next to fire
/// is taken from the front. A dropped activation stays where it is and is skipped when it comes up,
/// which is cheaper than finding it; a session's agenda is a handful of activations.
/// </summary>
internal sealed class Agenda
{
    private readonly List<Activation> _queue = [];
    private int _next;

    public void Add(Activation activation)
    {
        var at = _queue.Count;
        while (at > _next && _queue[at - 1].Priority < activation.Priority)
        {
            at--;
        }

        _queue.Insert(at, activation);
    }

    public void Clear()
    {
        if (_queue.Count > 0)
        {
            _queue.Clear();
        }

        _next = 0;
    }

    public Activation? Next()
    {
        while (_next < _queue.Count)
        {
            var activation = _queue[_next++];
            if (activation.State == ActivationState.Pending)
            {
                return activation;
            }
        }

        // All fired or dropped: start again from an empty list rather than let it grow.
        Clear();
        return null;
    }
}

internal enum ActivationState { Pending, Fired, Dropped }

/// <summary>
/// A match on the agenda, and once fired the evidence of its firing (<see cref="IMatch"/>): one
/// array holds the match's slots and then its identity parts, the only copy made of the search's buffers.
/// </summary>
internal sealed class Activation : IMatch
{
    private readonly object?[] _values;
    private readonly int _slotCount;
    private int? _identityHash;
    private RuleFiring? _firing;

    public Activation(CompiledRule rule, ReadOnlySpan<object?> slots, ReadOnlySpan<object?> identity)
    {
        Rule = rule;
        Priority = rule.Priority;
        _slotCount = slots.Length;
        _values = new object?[slots.Length + identity.Length];
        slots.CopyTo(_values);
        identity.CopyTo(_values.AsSpan(_slotCount));
    }

    public CompiledRule Rule { get; }

    /// <summary>Higher fires first (<see cref="Agenda"/>).</summary>
    public int Priority { get; }

    /// <summary>What the actions read, by slot; the identity parts after the slots are never a slot.</summary>
    public object?[] Slots => _values;

    /// <summary>What makes a later match "the same match" (<see cref="MatchIdentityComparer"/>).</summary>
    public ReadOnlySpan<object?> Identity => _values.AsSpan(_slotCount);

    /// <summary>Computed when first asked for: most activations are only compared, part by part, with a few others.</summary>
    public int IdentityHash => _identityHash ??= IdentityParts.HashOf(Identity);

    public ActivationState State { get; set; }

    /// <summary>Last evaluation that still produced this match.</summary>
    public int Generation { get; set; }

    /// <summary>Made when first asked for (<see cref="Session.Firings"/>, or an action reading its facts).</summary>
    public RuleFiring Firing => _firing ??= new RuleFiring(Rule.Definition, Rule.Evidence, _values);

    IReadOnlyList<MatchedFact> IMatch.Facts => Firing.Facts;

    public bool HasIdentity(ReadOnlySpan<object?> identity) => IdentityParts.Equal(Identity, identity);

    /// <summary>A pending activation matched again: its Let values and query results may have been recomputed.</summary>
    public void Refresh(ReadOnlySpan<object?> slots) => slots.CopyTo(_values);
}

/// <summary>Activations keyed by their identity, found from a search's buffers without copying them.</summary>
internal sealed class ActivationIdentityComparer : IEqualityComparer<Activation>, IAlternateEqualityComparer<ReadOnlySpan<object?>, Activation>
{
    public static readonly ActivationIdentityComparer Instance = new();

    public bool Equals(Activation? x, Activation? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && IdentityParts.Equal(x.Identity, y.Identity));

    public int GetHashCode(Activation activation) => activation.IdentityHash;

    public bool Equals(ReadOnlySpan<object?> identity, Activation activation) => activation.HasIdentity(identity);

    public int GetHashCode(ReadOnlySpan<object?> identity) => IdentityParts.HashOf(identity);

    // Activations are added as themselves, never made from a key.
    public Activation Create(ReadOnlySpan<object?> identity) => throw new NotSupportedException();
}

/// <summary>
/// Fact types by runtime type, open addressing on the type's method table address: a hit is a few
/// loads and a reference comparison, cheaper than the factory's concurrent dictionary, and unlike a
/// cache it never evicts (a session meets few types).
/// </summary>
internal sealed class FactTypeTable
{
    private FactType?[] _slots = new FactType?[64];
    private int _count;

    public FactType? Find(Type type)
    {
        var mask = _slots.Length - 1;
        for (var i = SlotOf(type, mask); ; i = (i + 1) & mask)
        {
            var known = _slots[i];
            // By reference: a runtime type has one Type object, and == on types is a call.
            if (known is null || ReferenceEquals(known.Type, type))
            {
                return known;
            }
        }
    }

    public FactType Add(FactType type)
    {
        if (2 * (_count + 1) > _slots.Length)
        {
            var old = _slots;
            _slots = new FactType?[old.Length * 2];
            foreach (var known in old)
            {
                if (known is not null)
                {
                    Place(known);
                }
            }
        }

        Place(type);
        _count++;
        return type;
    }

    private void Place(FactType type)
    {
        var mask = _slots.Length - 1;
        var i = SlotOf(type.Type, mask);
        while (_slots[i] is not null)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = type;
    }

    // Method tables are at least 8-byte aligned: the bits above those spread the types.
    private static int SlotOf(Type type, int mask) => (int)(type.TypeHandle.Value >> 3) & mask;
}
