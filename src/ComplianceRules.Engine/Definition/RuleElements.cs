using System.Linq.Expressions;
using System.Reflection;

namespace ComplianceRules.Engine.Definition;

/// <summary>A captured variable a When() element binds; other expressions refer to it through the closure.</summary>
internal sealed record AliasDefinition(MemberInfo Member, Type Type)
{
    public string Name => Member.Name;
}

internal enum PatternKind
{
    Match,
    Exists,
    Not,
    All,
}

/// <summary>One step of a rule's When(), in declaration order.</summary>
internal abstract record RuleElement
{
    /// <summary>The alias this element binds for later elements, if any.</summary>
    public abstract AliasDefinition? Binds { get; }

    public abstract RuleElement Rewrite(Func<LambdaExpression, LambdaExpression> rewrite);
}

/// <param name="Conditions">Conditions selecting the facts (for All: the base condition).</param>
/// <param name="RequiredConditions">For All only: conditions every selected fact must satisfy.</param>
internal sealed record PatternElement(
    PatternKind Kind,
    AliasDefinition? Alias,
    Type FactType,
    IReadOnlyList<LambdaExpression> Conditions,
    IReadOnlyList<LambdaExpression> RequiredConditions) : RuleElement
{
    public override AliasDefinition? Binds => Alias;

    public override RuleElement Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Conditions = LambdaLists.RewriteAll(Conditions, rewrite), RequiredConditions = LambdaLists.RewriteAll(RequiredConditions, rewrite) };
}

internal sealed record QueryElement(AliasDefinition Alias, IReadOnlyList<QueryStep> Steps) : RuleElement
{
    public override AliasDefinition? Binds => Alias;

    public override RuleElement Rewrite(Func<LambdaExpression, LambdaExpression> rewrite)
    {
        var steps = new QueryStep[Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = Steps[i].Rewrite(rewrite);
        }

        return this with { Steps = steps };
    }
}

internal sealed record LetElement(AliasDefinition Alias, LambdaExpression Expression) : RuleElement
{
    public override AliasDefinition? Binds => Alias;

    public override RuleElement Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Expression = rewrite(Expression) };
}

internal sealed record HavingElement(IReadOnlyList<LambdaExpression> Conditions) : RuleElement
{
    public override AliasDefinition? Binds => null;

    public override RuleElement Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Conditions = LambdaLists.RewriteAll(Conditions, rewrite) };
}

internal abstract record QueryStep
{
    public abstract QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite);
}

internal sealed record QuerySourceStep(Type FactType, IReadOnlyList<LambdaExpression> Conditions) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Conditions = LambdaLists.RewriteAll(Conditions, rewrite) };
}

internal sealed record QueryWhereStep(IReadOnlyList<LambdaExpression> Conditions) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Conditions = LambdaLists.RewriteAll(Conditions, rewrite) };
}

internal sealed record QuerySelectStep(LambdaExpression Selector) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Selector = rewrite(Selector) };
}

internal sealed record QuerySelectManyStep(LambdaExpression Selector) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { Selector = rewrite(Selector) };
}

internal sealed record QueryGroupByStep(LambdaExpression KeySelector, Type KeyType, Type ElementType) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) =>
        this with { KeySelector = rewrite(KeySelector) };
}

internal sealed record QueryCollectStep(Type ElementType) : QueryStep
{
    public override QueryStep Rewrite(Func<LambdaExpression, LambdaExpression> rewrite) => this;
}

internal static class LambdaLists
{
    public static LambdaExpression[] RewriteAll(IReadOnlyList<LambdaExpression> expressions, Func<LambdaExpression, LambdaExpression> rewrite)
    {
        var result = new LambdaExpression[expressions.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = rewrite(expressions[i]);
        }

        return result;
    }
}
