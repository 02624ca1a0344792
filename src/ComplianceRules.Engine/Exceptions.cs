namespace ComplianceRules.Engine;

/// <summary>A rule's When()/Then() or parameters are malformed; raised while loading rules.</summary>
public sealed class RuleDefinitionException(string ruleName, string message, Exception? innerException = null)
    : Exception($"Rule '{ruleName}': {message}", innerException)
{
    public string RuleName { get; } = ruleName;
}

/// <summary>A condition or action threw while the engine evaluated or fired a rule.</summary>
public sealed class RuleExecutionException(IRuleDefinition rule, string message, Exception innerException)
    : Exception($"Rule '{rule.Name}': {message}: {innerException.Message}", innerException)
{
    public IRuleDefinition Rule { get; } = rule;
}
