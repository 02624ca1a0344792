namespace ComplianceRules.Engine;

/// <summary>One fact or query result bound by a pattern; <see cref="Alias"/> is empty for anonymous patterns.</summary>
public sealed record MatchedFact(string Alias, object Value);

/// <summary>Evidence of one rule firing: which rule, and what it matched.</summary>
public sealed class RuleFiring(IRuleDefinition rule, IReadOnlyList<MatchedFact> facts) : IMatch
{
    public IRuleDefinition Rule { get; } = rule;

    public IReadOnlyList<MatchedFact> Facts { get; } = facts;

    public override string ToString() => $"{Rule.Name} ({Facts.Count} facts)";
}
