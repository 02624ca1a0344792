using System.Collections.Concurrent;
using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// Evaluates one case at a time under a profile, as of D. The rule set is compiled once per
/// distinct set of parameter values (the defaults, and each team that overrides a parameter) and
/// shared by every case and thread; each case gets its own session.
/// </summary>
public sealed class Evaluator
{
    private readonly Profile profile;
    private readonly RuleCatalog catalog;
    private readonly CompiledRules defaults;
    private readonly ConcurrentDictionary<string, Lazy<CompiledRules>> byTeam = new(StringComparer.Ordinal);

    public Evaluator(Profile profile, DateOnly asOf, WorkingDayCalendar calendar, RuleCatalog? catalog = null)
    {
        this.profile = profile;
        this.catalog = catalog ?? RuleCatalog.Default;
        Dates = new DeadlineCalculator(calendar, profile.DayCounting, asOf);
        Dates.EnsureCovers(asOf);
        defaults = Compile(team: null);
    }

    public DeadlineCalculator Dates { get; }

    public DateOnly AsOf => Dates.AsOf;

    public Profile Profile => profile;

    /// <summary>The findings on one readable case, in engine order (the caller sorts).</summary>
    public IReadOnlyList<Finding> Evaluate(CaseFile file)
    {
        var rules = RulesFor(file.Team);
        var session = rules.Factory.CreateSession();
        CaseFacts.Insert(session, new CaseAsOf(file, Dates, profile.LookbackMonths));
        session.Fire();
        return Report(session, rules.Settings);
    }

    /// <summary>The CSC0001 finding on a case that could not be read.</summary>
    public IReadOnlyList<Finding> Reject(RejectedCase rejected)
    {
        var session = defaults.Factory.CreateSession();
        session.Insert(rejected);
        session.Fire();
        return Report(session, defaults.Settings);
    }

    private IReadOnlyList<Finding> Report(ISession session, EffectiveSettings settings)
    {
        List<Finding>? findings = null;
        foreach (var result in session.Query<RuleFinding>())
        {
            var rule = catalog.Find(result.RuleId)
                ?? throw new InvalidOperationException($"A rule reported {result.RuleId}, which is not in the catalogue.");
            var severity = settings.SeverityOf(rule);
            if (severity == Severity.None)
            {
                continue;
            }

            findings ??= [];
            findings.Add(new Finding(result, severity, rule.Category, Suppressions.Find(profile, result, AsOf)));
        }

        return findings ?? (IReadOnlyList<Finding>)[];
    }

    private CompiledRules RulesFor(string? team)
    {
        // A team that only changes severities shares the default compiled rules.
        if (team is null || profile.Teams.GetValueOrDefault(team) is not { } settings
            || settings.Rules.Values.All(r => r.Parameters.Count == 0))
        {
            return team is not null && profile.Teams.ContainsKey(team)
                ? defaults with { Settings = new EffectiveSettings(profile, team) }
                : defaults;
        }

        return byTeam.GetOrAdd(team, t => new Lazy<CompiledRules>(() => Compile(t))).Value;
    }

    private CompiledRules Compile(string? team)
    {
        var settings = new EffectiveSettings(profile, team);
        return new CompiledRules(catalog.Compile(settings), settings);
    }

    private sealed record CompiledRules(ISessionFactory Factory, EffectiveSettings Settings);
}
