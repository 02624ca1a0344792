using System.Linq.Expressions;
using System.Reflection;
using ComplianceRules.Engine.Definition;

namespace ComplianceRules.Engine;

/// <summary>
/// Base class of every rule. <see cref="Define"/> is called once when the rule is loaded and
/// describes the rule through <see cref="When"/>, <see cref="Then"/> and <see cref="Parameter{T}"/>.
/// </summary>
public abstract class Rule
{
    private readonly List<RuleElement> _elements = [];
    private readonly List<LambdaExpression> _actions = [];
    private readonly List<IRuleParameter> _parameters = [];

    public abstract void Define();

    internal IReadOnlyList<RuleElement> Elements => _elements;

    internal IReadOnlyList<LambdaExpression> Actions => _actions;

    internal IReadOnlyList<IRuleParameter> Parameters => _parameters;

    internal string RuleName => RuleMetadata.NameOf(GetType());

    protected ILeftHandSideExpression When() => new LeftHandSideExpression(RuleName, _elements);

    protected IRightHandSideExpression Then() => new RightHandSideExpression(_actions);

    protected RuleParameter<T> Parameter<T>(string name, T defaultValue, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var existing in _parameters)
        {
            if (existing.Name == name)
            {
                throw new RuleDefinitionException(RuleName, $"parameter '{name}' is declared more than once");
            }
        }

        var parameter = new RuleParameter<T>(name, defaultValue, description);
        _parameters.Add(parameter);
        return parameter;
    }
}

internal sealed class LeftHandSideExpression(string ruleName, List<RuleElement> elements) : ILeftHandSideExpression
{
    public ILeftHandSideExpression Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new PatternElement(PatternKind.Match, AliasOf(alias), typeof(T), conditions, []));
        return this;
    }

    public ILeftHandSideExpression Match<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new PatternElement(PatternKind.Match, null, typeof(T), conditions, []));
        return this;
    }

    public ILeftHandSideExpression Exists<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new PatternElement(PatternKind.Exists, null, typeof(T), conditions, []));
        return this;
    }

    public ILeftHandSideExpression Not<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new PatternElement(PatternKind.Not, null, typeof(T), conditions, []));
        return this;
    }

    public ILeftHandSideExpression All<T>(Expression<Func<T, bool>> baseCondition, params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new PatternElement(PatternKind.All, null, typeof(T), [baseCondition], conditions));
        return this;
    }

    public ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> build)
    {
        if (build(QueryBuilder.Start) is not QueryBuilder<TResult> query)
        {
            throw new RuleDefinitionException(ruleName, "a query must be built from the IQuery it is given");
        }

        elements.Add(new QueryElement(AliasOf(alias), query.Steps));
        return this;
    }

    public ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression)
    {
        elements.Add(new LetElement(AliasOf(alias), expression));
        return this;
    }

    public ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions)
    {
        elements.Add(new HavingElement(conditions));
        return this;
    }

    private AliasDefinition AliasOf(LambdaExpression alias) =>
        alias.Body is MemberExpression { Member: var member } && member is FieldInfo or PropertyInfo
            ? new AliasDefinition(member, alias.Body.Type)
            : throw new RuleDefinitionException(ruleName, $"alias '{alias}' must name a captured variable, as in () => customer");
}

internal sealed class RightHandSideExpression(List<LambdaExpression> actions) : IRightHandSideExpression
{
    public IRightHandSideExpression Do(Expression<Action<IContext>> action)
    {
        actions.Add(action);
        return this;
    }
}
