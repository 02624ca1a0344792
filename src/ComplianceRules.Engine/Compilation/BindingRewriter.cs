using System.Linq.Expressions;
using System.Reflection;
using ComplianceRules.Engine.Definition;

namespace ComplianceRules.Engine.Compilation;

/// <summary>
/// Turns a rule's closure-based expressions into delegates over a slot array: each captured alias
/// becomes <c>(AliasType)slots[i]</c>, each <c>parameter.Value</c> becomes a constant of the bound value.
/// </summary>
internal sealed class BindingRewriter(IReadOnlyDictionary<IRuleParameter, object?> parameterValues) : ExpressionVisitor
{
    private readonly Dictionary<MemberInfo, int> _aliasSlots = [];
    private ParameterExpression? _replacedParameter;
    private Expression? _replacement;

    public ParameterExpression Slots { get; } = Expression.Parameter(typeof(object[]), "slots");

    public void Bind(AliasDefinition alias, int slot) => _aliasSlots.Add(alias.Member, slot);

    public Func<object, object?[], bool> CompileCondition(LambdaExpression condition) =>
        CompileOverFact<Func<object, object?[], bool>>(condition, condition.Body);

    public Func<object, object?[], object?> CompileSelector(LambdaExpression selector) =>
        CompileOverFact<Func<object, object?[], object?>>(selector, Expression.Convert(selector.Body, typeof(object)));

    /// <summary>Key of a fact for a join index; the body only depends on the fact.</summary>
    public Func<object, object?> CompileFactKey(LambdaExpression condition, Expression factSide)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = Rewrite(Expression.Convert(factSide, typeof(object)), condition.Parameters[0], Expression.Convert(fact, condition.Parameters[0].Type));
        return Expression.Lambda<Func<object, object?>>(body, fact).Compile();
    }

    public Func<object?[], object?> CompileValue(Expression body) =>
        Expression.Lambda<Func<object?[], object?>>(Rewrite(Expression.Convert(body, typeof(object))), Slots).Compile();

    public Func<object?[], bool> CompilePredicate(LambdaExpression predicate) =>
        Expression.Lambda<Func<object?[], bool>>(Rewrite(predicate.Body), Slots).Compile();

    public Action<IContext, object?[]> CompileAction(LambdaExpression action) =>
        Expression.Lambda<Action<IContext, object?[]>>(Rewrite(action.Body), action.Parameters[0], Slots).Compile();

    private TDelegate CompileOverFact<TDelegate>(LambdaExpression lambda, Expression body)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var factParameter = lambda.Parameters[0];
        return Expression.Lambda<TDelegate>(Rewrite(body, factParameter, Expression.Convert(fact, factParameter.Type)), fact, Slots).Compile();
    }

    private Expression Rewrite(Expression body, ParameterExpression? parameter = null, Expression? replacement = null)
    {
        _replacedParameter = parameter;
        _replacement = replacement;
        return Visit(body);
    }

    protected override Expression VisitParameter(ParameterExpression node) =>
        node == _replacedParameter ? _replacement! : node;

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ConstantExpression { Value: IRuleParameter parameter } && ParameterReference.IsValueRead(node))
        {
            return Expression.Constant(parameterValues[parameter], node.Type);
        }

        if (_aliasSlots.TryGetValue(node.Member, out var slot))
        {
            return Expression.Convert(Expression.ArrayIndex(Slots, Expression.Constant(slot)), node.Type);
        }

        return base.VisitMember(node);
    }
}
