using System.Linq.Expressions;
using System.Reflection;

namespace ComplianceRules.Engine.Definition;

/// <summary>A loaded rule: metadata plus its When()/Then() as validated expression trees.</summary>
internal sealed class RuleDefinition(
    Type ruleType,
    IReadOnlyList<IRuleParameter> parameters,
    IReadOnlyList<RuleElement> elements,
    IReadOnlyList<LambdaExpression> actions) : IRuleDefinition
{
    public string Name { get; } = RuleMetadata.NameOf(ruleType);

    public string Description { get; } = ruleType.GetCustomAttribute<DescriptionAttribute>()?.Value ?? "";

    public IReadOnlyList<string> Tags { get; } = [.. ruleType.GetCustomAttributes<TagAttribute>(inherit: true).Select(t => t.Value).Distinct()];

    public int Priority { get; } = ruleType.GetCustomAttribute<PriorityAttribute>(inherit: true)?.Value ?? 0;

    public Type RuleType { get; } = ruleType;

    public IReadOnlyList<IRuleParameter> Parameters { get; } = parameters;

    public IReadOnlyList<RuleElement> Elements { get; } = elements;

    public IReadOnlyList<LambdaExpression> Actions { get; } = actions;

    public override string ToString() => Name;
}

internal static class RuleMetadata
{
    public static string NameOf(Type ruleType) =>
        ruleType.GetCustomAttribute<NameAttribute>()?.Value ?? ruleType.FullName ?? ruleType.Name;

    public static bool IsLoadableRule(Type type) =>
        typeof(Rule).IsAssignableFrom(type)
        && type is { IsAbstract: false, IsGenericTypeDefinition: false }
        && type.GetConstructor(Type.EmptyTypes) is not null;
}

/// <summary>Instantiates a rule, runs Define() and validates what it declared.</summary>
internal static class RuleDefinitionLoader
{
    public static RuleDefinition Load(Type ruleType)
    {
        var name = RuleMetadata.NameOf(ruleType);
        Rule rule;
        try
        {
            rule = (Rule)Activator.CreateInstance(ruleType)!;
            rule.Define();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new RuleDefinitionException(name, "its constructor failed", e.InnerException);
        }
        catch (Exception e) when (e is not RuleDefinitionException)
        {
            throw new RuleDefinitionException(name, "Define() failed", e);
        }

        var normalizer = new AliasAndParameterNormalizer(name, rule.Elements, rule.Parameters);
        var elements = new RuleElement[rule.Elements.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = rule.Elements[i].Rewrite(normalizer.Normalize);
            normalizer.MarkBound(rule.Elements[i].Binds);
        }

        var actions = LambdaLists.RewriteAll(rule.Actions, normalizer.Normalize);
        return new RuleDefinition(ruleType, [.. rule.Parameters], elements, actions);
    }
}

/// <summary>
/// Checks that expressions only use aliases bound by earlier elements, and rewrites each
/// <c>parameter.Value</c> (a read of a captured variable) into <c>Constant(parameter).Value</c>
/// so the compiler can substitute bound values without evaluating closures again.
/// </summary>
internal sealed class AliasAndParameterNormalizer : ExpressionVisitor
{
    private readonly string _ruleName;
    private readonly IReadOnlyList<IRuleParameter> _parameters;
    private readonly HashSet<MemberInfo> _declaredAliases = [];
    private readonly HashSet<MemberInfo> _boundAliases = [];

    public AliasAndParameterNormalizer(string ruleName, IReadOnlyList<RuleElement> elements, IReadOnlyList<IRuleParameter> parameters)
    {
        _ruleName = ruleName;
        _parameters = parameters;
        foreach (var element in elements)
        {
            if (element.Binds is { } alias && !_declaredAliases.Add(alias.Member))
            {
                throw new RuleDefinitionException(ruleName, $"alias '{alias.Name}' is bound more than once");
            }
        }
    }

    public LambdaExpression Normalize(LambdaExpression expression) => (LambdaExpression)Visit(expression);

    public void MarkBound(AliasDefinition? alias)
    {
        if (alias is not null)
        {
            _boundAliases.Add(alias.Member);
        }
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (ParameterReference.IsValueRead(node))
        {
            return Expression.Property(Expression.Constant(ResolveParameter(node.Expression!), node.Expression!.Type), (PropertyInfo)node.Member);
        }

        if (_declaredAliases.Contains(node.Member))
        {
            return _boundAliases.Contains(node.Member)
                ? node
                : throw new RuleDefinitionException(_ruleName, $"alias '{node.Member.Name}' is used before it is bound in When()");
        }

        return base.VisitMember(node);
    }

    private IRuleParameter ResolveParameter(Expression owner)
    {
        if (!ClosureReader.TryRead(owner, out var value) || value is not IRuleParameter parameter)
        {
            throw new RuleDefinitionException(_ruleName, $"parameter '{owner}' must be read through a variable holding the result of Parameter(...)");
        }

        foreach (var declared in _parameters)
        {
            if (ReferenceEquals(declared, parameter))
            {
                return parameter;
            }
        }

        throw new RuleDefinitionException(_ruleName, $"parameter '{parameter.Name}' was not declared by this rule");
    }
}

internal static class ParameterReference
{
    /// <summary>True for <c>x.Value</c> where x is a <see cref="RuleParameter{T}"/>.</summary>
    public static bool IsValueRead(MemberExpression node) =>
        node.Member is PropertyInfo { Name: nameof(RuleParameter<int>.Value), DeclaringType: { IsGenericType: true } declaringType }
        && declaringType.GetGenericTypeDefinition() == typeof(RuleParameter<>);
}

/// <summary>Reads the current value of a closure access such as <c>displayClass.field.field</c>.</summary>
internal static class ClosureReader
{
    public static bool TryRead(Expression expression, out object? value)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Member: FieldInfo field } member:
                return TryReadMember(member.Expression, owner => field.GetValue(owner), out value);
            case MemberExpression { Member: PropertyInfo property } member:
                return TryReadMember(member.Expression, owner => property.GetValue(owner), out value);
            default:
                value = null;
                return false;
        }
    }

    private static bool TryReadMember(Expression? ownerExpression, Func<object?, object?> read, out object? value)
    {
        object? owner = null;
        if (ownerExpression is not null && !TryRead(ownerExpression, out owner))
        {
            value = null;
            return false;
        }

        value = read(owner);
        return true;
    }
}
