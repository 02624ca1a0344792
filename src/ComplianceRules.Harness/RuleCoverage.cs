using System.Globalization;
using System.Text;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Harness;

/// <summary>One rule's coverage: how many fixtures check it, and which of the statuses it declares a passing fixture expects.</summary>
public sealed record RuleCoverageRow(RuleDescriptor Rule, int Fixtures, IReadOnlySet<FindingStatus> Covered);

/// <summary>
/// Rule coverage, in the spirit of <c>opa test --coverage</c>. A fixture <em>exercises</em> a
/// rule when it lists it in <c>rules</c> or expects a finding of it. A status a
/// rule declares (<see cref="ReportsAttribute"/>) is <em>covered</em> when a passing fixture has
/// an expectation with that rule and, explicitly, that status. The covered share is covered
/// (rule, status) pairs over declared pairs, in percent.
/// </summary>
public sealed class RuleCoverage
{
    private RuleCoverage(IReadOnlyList<RuleCoverageRow> rows) => Rows = rows;

    public IReadOnlyList<RuleCoverageRow> Rows { get; }

    public int DeclaredPairs => Rows.Sum(r => r.Rule.Statuses.Count);

    public int CoveredPairs => Rows.Sum(r => r.Covered.Count);

    public double Percent => DeclaredPairs == 0 ? 100 : 100.0 * CoveredPairs / DeclaredPairs;

    public static RuleCoverage Of(IEnumerable<FixtureOutcome> outcomes, RuleCatalog catalog)
    {
        var fixtures = outcomes.OfType<FixtureResult>().ToArray();
        var rows = catalog.Descriptors.Select(rule =>
        {
            var exercising = fixtures.Where(r => r.Fixture.Rules?.Contains(rule.Id) == true || r.Fixture.Expect.Any(e => ExpectsRule(e, rule.Id))).ToArray();
            var covered = exercising
                .Where(r => r.Passed)
                .SelectMany(r => r.Fixture.Expect)
                .Where(e => ExpectsRule(e, rule.Id))
                .Select(e => (string?)e["status"])
                .OfType<string>()
                .Select(status => Enum.Parse<FindingStatus>(status, ignoreCase: true))
                .Where(rule.Statuses.Contains)
                .ToHashSet();
            return new RuleCoverageRow(rule, exercising.Length, covered);
        }).ToArray();
        return new RuleCoverage(rows);
    }

    private static bool ExpectsRule(Newtonsoft.Json.Linq.JObject expectation, string ruleId) => (string?)expectation["ruleId"] == ruleId;

    /// <summary>A table: per rule, its fixtures and each status (<c>yes</c> covered, <c>NO</c> declared but not covered, <c>-</c> not declared), then the share.</summary>
    public string Render()
    {
        FindingStatus[] statuses = [FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed, FindingStatus.Present];
        var text = new StringBuilder();
        text.AppendLine("rule     fixtures  " + string.Join("  ", statuses.Select(s => Name(s).PadRight(7))));
        foreach (var row in Rows)
        {
            var cells = statuses.Select(s => (!row.Rule.Statuses.Contains(s) ? "-" : row.Covered.Contains(s) ? "yes" : "NO").PadRight(7));
            text.AppendLine($"{row.Rule.Id}  {row.Fixtures,8}  {string.Join("  ", cells)}".TrimEnd());
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage: {CoveredPairs} of {DeclaredPairs} (rule, status) pairs covered ({Percent:0.0}%)"));
        return text.ToString();
    }

    private static string Name(FindingStatus status) => status.ToString().ToLowerInvariant();
}
