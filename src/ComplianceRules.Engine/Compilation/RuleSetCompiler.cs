using System.Linq.Expressions;
using System.Reflection;
using ComplianceRules.Engine.Definition;
using ComplianceRules.Engine.Runtime;

namespace ComplianceRules.Engine.Compilation;

/// <summary>Compiles loaded definitions into an immutable session factory for one set of parameter values.</summary>
internal static class RuleSetCompiler
{
    public static SessionFactory Compile(IReadOnlyList<RuleDefinition> definitions, IParameterBinder binder)
    {
        var patterns = new PatternRegistry();
        var rules = new CompiledRule[definitions.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var definition = definitions[i];
            rules[i] = new RuleCompilation(definition, i, ParameterValues.Bind(definition, binder), patterns).Compile();
        }

        return new SessionFactory([.. definitions], rules, patterns.BuildPatternTypes(), patterns.IndexCount);
    }
}

/// <summary>Assigns ids to pattern types and join indexes, and records which rules depend on which types.</summary>
internal sealed class PatternRegistry
{
    private readonly Dictionary<Type, int> _typeIds = [];
    private readonly List<(Type Type, SortedSet<int> Rules, List<JoinIndex> Indexes)> _types = [];
    private readonly Dictionary<string, JoinIndex> _indexes = [];

    public int IndexCount => _indexes.Count;

    public int Register(Type factType, int ruleIndex)
    {
        if (!_typeIds.TryGetValue(factType, out var id))
        {
            id = _types.Count;
            _typeIds.Add(factType, id);
            _types.Add((factType, [], []));
        }

        _types[id].Rules.Add(ruleIndex);
        return id;
    }

    public JoinIndex GetOrAddIndex(int patternTypeId, string keyDescription, Func<int, JoinIndex> create)
    {
        if (!_indexes.TryGetValue(keyDescription, out var index))
        {
            index = create(_indexes.Count);
            _indexes.Add(keyDescription, index);
            _types[patternTypeId].Indexes.Add(index);
        }

        return index;
    }

    public PatternType[] BuildPatternTypes() =>
        [.. _types.Select(t => new PatternType(t.Type, [.. t.Rules], [.. t.Indexes]))];
}

/// <summary>Compiles one rule: lays out its slots, builds its nodes and compiles every expression once.</summary>
internal sealed class RuleCompilation(RuleDefinition rule, int ruleIndex, IReadOnlyDictionary<IRuleParameter, object?> parameterValues, PatternRegistry patterns)
{
    private static readonly MethodInfo CollectMethod = typeof(QueryResults).GetMethod(nameof(QueryResults.Collect))!;
    private static readonly MethodInfo GroupMethod = typeof(QueryResults).GetMethod(nameof(QueryResults.Group))!;
    private static readonly MethodInfo CollectFactsMethod = typeof(QueryResults).GetMethod(nameof(QueryResults.CollectFacts))!;

    private readonly BindingRewriter _rewriter = new(parameterValues);
    private readonly List<EvidenceSlot> _evidence = [];
    private int _slotCount;
    private int _identityCount;

    public CompiledRule Compile()
    {
        var nodes = new LeftHandNode[rule.Elements.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = CompileElement(rule.Elements[i]);
        }

        var actions = new Action<IContext, object?[]>[rule.Actions.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = _rewriter.CompileAction(rule.Actions[i]);
        }

        return new CompiledRule(rule, ruleIndex, nodes, _slotCount, _identityCount, [.. _evidence], actions);
    }

    private LeftHandNode CompileElement(RuleElement element) => element switch
    {
        PatternElement { Kind: PatternKind.Match } match => new MatchNode(CompileSource(match.FactType, match.Conditions), BindEvidence(match.Alias), _identityCount++),
        PatternElement { Kind: PatternKind.Exists } exists => new ExistsNode(CompileSource(exists.FactType, exists.Conditions), mustExist: true),
        PatternElement { Kind: PatternKind.Not } not => new ExistsNode(CompileSource(not.FactType, not.Conditions), mustExist: false),
        PatternElement { Kind: PatternKind.All } all => new AllNode(CompileSource(all.FactType, all.Conditions), CompileConditions(all.RequiredConditions)),
        QueryElement query => CompileQuery(query),
        LetElement let => new LetNode(_rewriter.CompileValue(let.Expression.Body), Bind(let.Alias)),
        HavingElement having => new HavingNode([.. having.Conditions.Select(_rewriter.CompilePredicate)]),
        _ => throw new InvalidOperationException($"Unknown rule element {element.GetType().Name}"),
    };

    private LeftHandNode CompileQuery(QueryElement query)
    {
        var sourceStep = (QuerySourceStep)query.Steps[0];
        var source = CompileSource(sourceStep.FactType, sourceStep.Conditions);
        if (query.Steps is [_, QueryCollectStep onlyCollect] && !onlyCollect.ElementType.IsValueType && onlyCollect.ElementType.IsAssignableFrom(sourceStep.FactType))
        {
            return new CollectNode(
                source,
                CollectFactsMethod.MakeGenericMethod(onlyCollect.ElementType).CreateDelegate<Func<List<object>, object?[]>>(),
                BindEvidence(query.Alias),
                _identityCount++);
        }

        var stages = new QueryStage[query.Steps.Count - 1];
        for (var i = 1; i < query.Steps.Count; i++)
        {
            stages[i - 1] = query.Steps[i] switch
            {
                QueryWhereStep where => new WhereStage(CompileConditions(where.Conditions)),
                QuerySelectStep select => new SelectStage(_rewriter.CompileSelector(select.Selector)),
                QuerySelectManyStep selectMany => new SelectManyStage(_rewriter.CompileSelector(selectMany.Selector)),
                QueryGroupByStep groupBy => new GroupByStage(
                    _rewriter.CompileSelector(groupBy.KeySelector),
                    GroupMethod.MakeGenericMethod(groupBy.KeyType, groupBy.ElementType).CreateDelegate<Func<object?, List<QueryItem>, object>>()),
                QueryCollectStep collect => new CollectStage(
                    CollectMethod.MakeGenericMethod(collect.ElementType).CreateDelegate<Func<List<QueryItem>, object>>()),
                var step => throw new InvalidOperationException($"Unexpected query step {step.GetType().Name}"),
            };
        }

        // Bound last: the query's own alias is not visible inside the query.
        return new QueryNode(new QueryPipeline(source, stages), BindEvidence(query.Alias), _identityCount++);
    }

    private PatternSource CompileSource(Type factType, IReadOnlyList<LambdaExpression> conditions)
    {
        var patternTypeId = patterns.Register(factType, ruleIndex);
        JoinIndex? index = null;
        Func<object?[], object?>? probe = null;
        var filters = new List<Func<object, object?[], bool>>(conditions.Count);
        foreach (var condition in conditions)
        {
            if (index is null && EqualityJoin.TryCreate(condition, out var join))
            {
                index = patterns.GetOrAddIndex(patternTypeId, join.KeyDescription, id =>
                    new JoinIndex(id, patternTypeId, _rewriter.CompileFactKey(condition, join.FactSide), join.Comparer, rule));
                probe = _rewriter.CompileValue(join.ProbeSide);
            }
            else
            {
                filters.Add(_rewriter.CompileCondition(condition));
            }
        }

        return new PatternSource(patternTypeId, index, probe, [.. filters]);
    }

    private Func<object, object?[], bool>[] CompileConditions(IReadOnlyList<LambdaExpression> conditions) =>
        [.. conditions.Select(_rewriter.CompileCondition)];

    private int Bind(AliasDefinition alias)
    {
        var slot = _slotCount++;
        _rewriter.Bind(alias, slot);
        return slot;
    }

    /// <summary>Binds a pattern or query result, which also shows up in the firing's evidence.</summary>
    private int BindEvidence(AliasDefinition? alias)
    {
        var slot = alias is null ? _slotCount++ : Bind(alias);
        _evidence.Add(new EvidenceSlot(alias?.Name ?? "", slot));
        return slot;
    }
}
