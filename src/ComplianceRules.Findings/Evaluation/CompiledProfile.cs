using System.Collections.Concurrent;
using ComplianceRules.Engine;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// The rule catalogue compiled under one profile: once for the profile's own parameter values,
/// and once more for each team that overrides a parameter (lazily, the first time one of its
/// cases comes; a team that only changes severities shares the profile's rules). Immutable once built and shared by every case, every thread and every as-of date.
/// </summary>
public sealed class CompiledProfile
{
    private readonly ConcurrentDictionary<string, Lazy<RulesForTeam>> teams = new(StringComparer.Ordinal);
    private readonly RulesForTeam profileDefaults;

    public CompiledProfile(Profile profile, RuleCatalog? catalog = null)
    {
        Profile = profile;
        Catalog = catalog ?? RuleCatalog.Default;
        profileDefaults = Compile(team: null);
    }

    public Profile Profile { get; }

    public RuleCatalog Catalog { get; }

    /// <summary>The compiled rules and effective settings for a case of <paramref name="team"/>.</summary>
    public RulesForTeam For(string? team)
    {
        if (team is null || Profile.Teams.GetValueOrDefault(team) is not { } settings)
        {
            return profileDefaults;
        }

        // A team that only changes severities shares the profile's compiled rules.
        return teams.GetOrAdd(team, t => new Lazy<RulesForTeam>(() => settings.Rules.Values.All(r => r.Parameters.Count == 0)
            ? profileDefaults with { Settings = new EffectiveSettings(Profile, t) }
            : Compile(t))).Value;
    }

    private RulesForTeam Compile(string? team)
    {
        var settings = new EffectiveSettings(Profile, team);
        return new RulesForTeam(Catalog.Compile(settings), settings);
    }
}

/// <summary>What one team's cases are evaluated with.</summary>
public sealed record RulesForTeam(ISessionFactory Factory, EffectiveSettings Settings);
