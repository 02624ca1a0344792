using ComplianceRules.Engine;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Profiles;

/// <summary>
/// What a profile means for one team's cases, with Roslyn's precedence: a team's rule entry
/// over the rule entry over the category entry over the global severity.
/// </summary>
public sealed class EffectiveSettings : IParameterBinder
{
    private readonly Profile profile;
    private readonly TeamSettings? team;

    public EffectiveSettings(Profile profile, string? team)
    {
        this.profile = profile;
        this.team = team is null ? null : profile.Teams.GetValueOrDefault(team);
    }

    /// <summary>The severity findings of <paramref name="rule"/> get; <see cref="Severity.None"/> = not written.</summary>
    public Severity SeverityOf(RuleDescriptor rule) =>
        team?.Rules.GetValueOrDefault(rule.Id)?.Severity
        ?? profile.Rules.GetValueOrDefault(rule.Id)?.Severity
        ?? (profile.Categories.TryGetValue(rule.Category, out var category) ? category : (Severity?)null)
        ?? profile.Severity
        ?? rule.DefaultSeverity;

    /// <summary>The value <paramref name="parameter"/> of <paramref name="rule"/> is compiled with: the profile's, else its default.</summary>
    public object? ValueOf(RuleDescriptor rule, IRuleParameter parameter) =>
        TryGetValue(rule.Definition, parameter, out var value) ? value : parameter.DefaultValue;

    /// <summary>A parameter's value: the team's, else the rule entry's, else none (the rule's default).</summary>
    public bool TryGetValue(IRuleDefinition rule, IRuleParameter parameter, out object? value)
    {
        value = null;
        if (RuleCatalog.IdOf(rule) is not { } id)
        {
            return false;
        }

        if (team?.Rules.GetValueOrDefault(id)?.Parameters.TryGetValue(parameter.Name, out var teamValue) == true)
        {
            value = teamValue;
            return true;
        }

        if (profile.Rules.GetValueOrDefault(id)?.Parameters.TryGetValue(parameter.Name, out var ruleValue) == true)
        {
            value = ruleValue;
            return true;
        }

        return false;
    }
}
