using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Text;

namespace ComplianceRules.Engine.Compilation;

/// <summary>
/// Recognises <c>x.A.B == expression-not-using-x</c> (either side), which can be answered from a hash
/// index of facts keyed by <c>x.A.B</c> instead of testing every fact.
/// </summary>
internal sealed record EqualityJoin(Expression FactSide, Expression ProbeSide, string KeyDescription, IEqualityComparer<object> Comparer)
{
    /// <summary>Types whose == operator agrees with Equals/GetHashCode.</summary>
    private static readonly HashSet<Type> ValueEqualityTypes =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly),
        typeof(TimeOnly), typeof(TimeSpan), typeof(Guid),
    ];

    public static bool TryCreate(LambdaExpression condition, [NotNullWhen(true)] out EqualityJoin? join)
    {
        join = null;
        if (condition.Body is not BinaryExpression { NodeType: ExpressionType.Equal, IsLiftedToNull: false } equal
            || equal.Left.Type != equal.Right.Type
            || ComparerFor(equal) is not { } comparer)
        {
            return false;
        }

        var fact = condition.Parameters[0];
        if (IsMemberChainOf(equal.Left, fact) && !ParameterFinder.Uses(equal.Right, fact))
        {
            join = new EqualityJoin(equal.Left, equal.Right, Describe(fact.Type, equal.Left), comparer);
        }
        else if (IsMemberChainOf(equal.Right, fact) && !ParameterFinder.Uses(equal.Left, fact))
        {
            join = new EqualityJoin(equal.Right, equal.Left, Describe(fact.Type, equal.Right), comparer);
        }

        return join is not null;
    }

    private static IEqualityComparer<object>? ComparerFor(BinaryExpression equal)
    {
        var type = Nullable.GetUnderlyingType(equal.Left.Type) ?? equal.Left.Type;
        if (equal.Method is null)
        {
            // Without an operator method, == on a reference type is reference equality.
            return type.IsValueType ? EqualityComparer<object>.Default : ReferenceEqualityComparer.Instance;
        }

        return ValueEqualityTypes.Contains(type) ? EqualityComparer<object>.Default : null;
    }

    private static bool IsMemberChainOf(Expression expression, ParameterExpression fact)
    {
        var sawMember = false;
        while (true)
        {
            switch (expression)
            {
                case MemberExpression { Expression: { } owner }:
                    sawMember = true;
                    expression = owner;
                    break;
                case UnaryExpression { NodeType: ExpressionType.Convert } convert:
                    expression = convert.Operand;
                    break;
                default:
                    return sawMember && expression == fact;
            }
        }
    }

    /// <summary>Identifies the index: the same key chain on the same pattern type shares one index per session.</summary>
    private static string Describe(Type factType, Expression chain)
    {
        var description = new StringBuilder();
        Append(chain);
        return $"{factType.AssemblyQualifiedName}{description}";

        void Append(Expression expression)
        {
            switch (expression)
            {
                case MemberExpression member:
                    Append(member.Expression!);
                    description.Append('.').Append(member.Member.DeclaringType!.FullName).Append("::").Append(member.Member.Name);
                    break;
                case UnaryExpression convert:
                    Append(convert.Operand);
                    description.Append(" as ").Append(convert.Type.AssemblyQualifiedName);
                    break;
            }
        }
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool _found;

        public static bool Uses(Expression expression, ParameterExpression parameter)
        {
            var finder = new ParameterFinder(parameter);
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == parameter;
            return node;
        }
    }
}
