using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Profiles;

/// <summary>
/// A quality-assurance lead's settings (cli.md "Profile"): counting conventions, severities by
/// rule, category and team, parameter values, and suppressions. The empty profile is the
/// shipped defaults.
/// </summary>
public sealed record Profile
{
    public static Profile Default { get; } = new();

    public DayCounting DayCounting { get; init; } = DayCounting.Inclusive;
    public int LookbackMonths { get; init; } = 6;

    /// <summary>A gov.uk bank-holidays.json, already resolved against the profile's folder; null = the shipped copy.</summary>
    public string? HolidaysPath { get; init; }

    /// <summary>The working-day calendar the profile counts with: its holidays file, or the shipped copy.</summary>
    public WorkingDayCalendar LoadCalendar() => HolidaysPath is { } holidays ? WorkingDayCalendar.Load(holidays) : WorkingDayCalendar.Default;

    /// <summary>The global severity: null keeps each rule's default.</summary>
    public Severity? Severity { get; init; }

    public IReadOnlyDictionary<RuleCategory, Severity> Categories { get; init; } = new Dictionary<RuleCategory, Severity>();
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, TeamSettings> Teams { get; init; } = new Dictionary<string, TeamSettings>(StringComparer.Ordinal);
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>Where the profile was read from, and its SHA-256, for findings.json; null for the defaults.</summary>
    public ProfileOrigin? Origin { get; init; }

    /// <summary>
    /// This profile with <paramref name="parameter"/> of <paramref name="ruleId"/> set to
    /// <paramref name="value"/> (already of the parameter's type): in the rule entry, or in
    /// <paramref name="team"/>'s when one is named (the team entry is created if the profile has none).
    /// </summary>
    public Profile WithParameter(string ruleId, string parameter, object value, string? team = null)
    {
        if (team is null)
        {
            return this with { Rules = WithParameter(Rules, ruleId, parameter, value) };
        }

        var teams = new Dictionary<string, TeamSettings>(Teams, StringComparer.Ordinal);
        var settings = teams.GetValueOrDefault(team) ?? new TeamSettings();
        teams[team] = settings with { Rules = WithParameter(settings.Rules, ruleId, parameter, value) };
        return this with { Teams = teams };
    }

    private static Dictionary<string, RuleSettings> WithParameter(
        IReadOnlyDictionary<string, RuleSettings> rules, string ruleId, string parameter, object value)
    {
        var copy = new Dictionary<string, RuleSettings>(rules, StringComparer.Ordinal);
        var entry = copy.GetValueOrDefault(ruleId) ?? new RuleSettings();
        copy[ruleId] = entry with { Parameters = new Dictionary<string, object>(entry.Parameters, StringComparer.Ordinal) { [parameter] = value } };
        return copy;
    }
}

/// <summary>One rule's entry: a severity and parameter values by name (values already of the parameter's type).</summary>
public sealed record RuleSettings
{
    public Severity? Severity { get; init; }
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);
}

/// <summary>A team's rule entries, which apply to cases whose <c>team</c> matches.</summary>
public sealed record TeamSettings
{
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
}

/// <summary>
/// A documented exception for one rule on one case (narrowed to one subject when it names one):
/// its findings are still written, but never count for <c>--fail-on</c> until it expires.
/// </summary>
public sealed record Suppression
{
    public required string RuleId { get; init; }
    public required string CaseId { get; init; }

    /// <summary>null = every finding of the rule on the case.</summary>
    public string? SubjectId { get; init; }
    public required string Justification { get; init; }
    public string? ApprovedBy { get; init; }

    /// <summary>The last day it suppresses; null = no end.</summary>
    public DateOnly? Expires { get; init; }
}

public sealed record ProfileOrigin(string Path, string Sha256);
