using ComplianceRules.Engine;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Tuning;

/// <summary>
/// What to try: each of <see cref="Values"/> for one parameter of one rule, set in the rule's
/// entry of the profile, or in <see cref="Team"/>'s entry when one is named.
/// </summary>
public sealed record TuningRequest(RuleDescriptor Rule, IRuleParameter Parameter, IReadOnlyList<object> Values, string? Team = null);

/// <summary>
/// One value's outcome, counting the tuned rule's findings only (a parameter binds its own rule):
/// how many, on how many cases, and the change against the current profile, matched by
/// fingerprint. A value that moves a due date moves the fingerprint: one finding removed, one added.
/// </summary>
public sealed record TuningRow(object Value, bool IsCurrent, int Findings, int CasesAffected, int Added, int Removed, int CasesChanged);

/// <summary>
/// The outcome of <c>compliance tune</c>: one row per value, in the order asked.
/// <see cref="CasesOfTeam"/> counts the cases of the request's team (null without one): none means the values could change nothing.
/// </summary>
public sealed record TuningResult(
    TuningRequest Request,
    DateOnly AsOf,
    Profile Profile,
    object CurrentValue,
    IReadOnlyList<string> TeamsWithTheirOwnValue,
    CaseCount Cases,
    int? CasesOfTeam,
    IReadOnlyList<TuningRow> Rows);

/// <summary>
/// Evaluates every case under the current profile and under the profile with each value, in
/// one pass over the input (<see cref="SideBySide"/>): the rule set is compiled once per distinct
/// value, and holds only the tuned rule and the derivations it may match (<see cref="RuleCatalog.Only"/>),
/// since the table is about that rule's findings alone.
/// </summary>
public static class ThresholdTuning
{
    public static TuningResult Run(IEnumerable<CaseReadResult> cases, Profile profile, TuningRequest request, DateOnly asOf, WorkingDayCalendar calendar)
    {
        var (rule, parameter) = (request.Rule, request.Parameter);
        var current = new EffectiveSettings(profile, request.Team).ValueOf(rule, parameter)!;

        // The current profile first, then one evaluator per other value; the current value (and a
        // value given twice) reuses the evaluator it already has. Tuned profiles keep the profile's calendar.
        var rules = RuleCatalog.Default.Only(rule.Id);
        var evaluators = new List<Evaluator> { new(new CompiledProfile(profile, rules), asOf, calendar) };
        var evaluatorOfValue = new Dictionary<object, int> { [current] = 0 };
        foreach (var value in request.Values.Where(v => !evaluatorOfValue.ContainsKey(v)))
        {
            evaluatorOfValue[value] = evaluators.Count;
            evaluators.Add(new Evaluator(new CompiledProfile(profile.WithParameter(rule.Id, parameter.Name, value, request.Team), rules), asOf, calendar));
        }

        var tallies = request.Values.Select(_ => new Tally()).ToArray();
        var count = new CaseCount();
        var casesOfTeam = 0;
        foreach (var @case in SideBySide.Evaluate(cases, evaluators))
        {
            count.Count(@case.Read);
            casesOfTeam += @case.Read is ReadCase { Case.Team: { } team } && team == request.Team ? 1 : 0;
            var underCurrent = OfRule(@case.Findings[0], rule);
            for (var i = 0; i < tallies.Length; i++)
            {
                tallies[i].Add(OfRule(@case.Findings[evaluatorOfValue[request.Values[i]]], rule), underCurrent);
            }
        }

        var rows = request.Values
            .Select((value, i) => tallies[i].Row(value, isCurrent: Equals(value, current)))
            .ToArray();
        return new TuningResult(request, asOf, profile, current, TeamsWithTheirOwnValue(profile, request), count,
            request.Team is null ? null : casesOfTeam, rows);
    }

    /// <summary>Teams whose own entry sets the parameter: a value tried in the rule entry does not reach their cases.</summary>
    private static string[] TeamsWithTheirOwnValue(Profile profile, TuningRequest request) =>
        request.Team is not null
            ? []
            : profile.Teams
                .Where(t => t.Value.Rules.GetValueOrDefault(request.Rule.Id)?.Parameters.ContainsKey(request.Parameter.Name) == true)
                .Select(t => t.Key)
                .Order(StringComparer.Ordinal)
                .ToArray();

    private static List<Finding> OfRule(IReadOnlyList<Finding> findings, RuleDescriptor rule) =>
        findings.Where(f => f.Result.RuleId == rule.Id).ToList();

    private sealed class Tally
    {
        private int findings;
        private int casesAffected;
        private int added;
        private int removed;
        private int casesChanged;

        public void Add(List<Finding> underValue, List<Finding> underCurrent)
        {
            findings += underValue.Count;
            casesAffected += underValue.Count > 0 ? 1 : 0;
            var change = FingerprintIndex.Compare(underValue, underCurrent);
            added += change.OnlyFirst.Count;
            removed += change.OnlySecond.Count;
            casesChanged += change.OnlyFirst.Count + change.OnlySecond.Count > 0 ? 1 : 0;
        }

        public TuningRow Row(object value, bool isCurrent) => new(value, isCurrent, findings, casesAffected, added, removed, casesChanged);
    }
}
