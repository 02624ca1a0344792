using ComplianceRules.Engine.Runtime;

namespace ComplianceRules.Engine.Tests;

public sealed record Customer(int Id, bool IsActive = true, string? Name = "customer");

public sealed record Order(int CustomerId, decimal Amount = 0, bool Paid = false);

public sealed record Flag(int CustomerId);

public sealed record Block(int CustomerId);

public sealed record Visit(int CustomerId, bool Seen = true);

public sealed record Derived(Customer Customer, int Total);

/// <summary>A fact an action inserts to report what it saw.</summary>
public sealed record Observation(string Label, object? Value = null);

public interface IAnimal
{
    string Name { get; }
}

public sealed record Dog(string Name) : IAnimal;

public sealed record Cat(string Name) : IAnimal;

internal static class Engine
{
    public static ISessionFactory Compile(params Type[] rules) => Compile(null, rules);

    public static ISessionFactory Compile(IParameterBinder? binder, params Type[] rules)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(rules));
        return binder is null ? repository.Compile() : repository.Compile(binder);
    }

    public static ISession Session(params Type[] rules) => Compile(rules).CreateSession();

    public static long ConditionEvaluations(this ISession session) => ((Session)session).ConditionEvaluations;

    public static string[] FiredRuleNames(this ISession session) => [.. session.Firings.Select(f => f.Rule.Name)];
}

internal sealed class DictionaryBinder(Dictionary<string, object?> values) : IParameterBinder
{
    public bool TryGetValue(IRuleDefinition rule, IRuleParameter parameter, out object? value) =>
        values.TryGetValue(parameter.Name, out value);
}
