using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>What running one fixture file came to: a result, or a file that is not a fixture.</summary>
public abstract record FixtureOutcome(string Path)
{
    public abstract bool Passed { get; }
}

/// <summary>A file that could not be run as a fixture (bad JSON, a missing field, a profile mistake...): it counts as failed.</summary>
public sealed record BrokenFixture(string Path, string Problem) : FixtureOutcome(Path)
{
    public override bool Passed => false;
}

/// <summary>An expectation and the finding it matched.</summary>
public sealed record MatchedFinding(JObject Expected, JObject Actual);

/// <summary>
/// The outcome of one fixture: the findings of the rules it checks, which expectations they
/// matched, the expectations not found and the findings not expected; when it failed, the cases
/// involved evaluated again with tracing on, for the timeline.
/// </summary>
public sealed record FixtureResult(
    Fixture Fixture,
    IReadOnlyList<JObject> Actual,
    IReadOnlyList<MatchedFinding> Matched,
    IReadOnlyList<JObject> Missing,
    IReadOnlyList<JObject> Unexpected,
    IReadOnlyList<CaseTrace> Traces) : FixtureOutcome(Fixture.Path)
{
    public override bool Passed => Missing.Count == 0 && Unexpected.Count == 0;
}

/// <summary>
/// Runs fixtures the way <c>compliance check</c> runs cases, then compares: for the rules the
/// fixture lists (all when it lists none), and for CSC0001 always, the findings must equal
/// <c>expect</c> exactly. Only the fields an expectation gives are compared. Rule sets are
/// compiled once per distinct profile. Thread-safe: fixtures can run in parallel.
/// </summary>
public sealed class FixtureRunner
{
    public const string UnreadableCaseRule = "CSC0001";

    private readonly CompiledProfiles compiled = new();

    /// <summary>Loads and runs one fixture file; a file that is not a fixture, or whose calendar cannot count its dates, is a <see cref="BrokenFixture"/>.</summary>
    public FixtureOutcome RunFile(string path)
    {
        try
        {
            return Run(Fixture.Load(path));
        }
        catch (Exception error) when (error is FixtureException or CalendarException or IOException)
        {
            return new BrokenFixture(path, error.Message);
        }
    }

    public FixtureResult Run(Fixture fixture)
    {
        var evaluator = EvaluatorFor(fixture);
        var report = Check.Run(ReadCases(fixture), evaluator);

        // A case the reader rejected counts whatever rules the fixture lists: otherwise a typo in a
        // fixture's case would make "expect: []" pass without testing anything.
        var actual = report.Findings
            .Where(f => fixture.Checks(f.Result.RuleId) || f.Result.RuleId == UnreadableCaseRule)
            .Select(FindingJson.ToJson)
            .ToList();

        var assigned = Assign(fixture.Expect, actual);
        var matched = assigned.Where(pair => pair.Actual is not null).Select(pair => new MatchedFinding(pair.Expected, pair.Actual!)).ToList();
        var missing = assigned.Where(pair => pair.Actual is null).Select(pair => pair.Expected).ToList();
        var unmatched = actual.Where(a => !matched.Any(m => ReferenceEquals(m.Actual, a))).ToList();
        var passed = missing.Count == 0 && unmatched.Count == 0;
        return new FixtureResult(fixture, actual, matched, missing, unmatched, passed ? [] : Trace(fixture, evaluator, missing, unmatched));
    }

    /// <summary>
    /// Gives each expectation its own finding, matching as many as can be (augmenting paths,
    /// Kuhn's algorithm): a loose expectation (<c>{"ruleId": "CSC1001"}</c>) never takes the only
    /// finding a precise one could match when another finding would do for it.
    /// </summary>
    private static (JObject Expected, JObject? Actual)[] Assign(IReadOnlyList<JObject> expectations, IReadOnlyList<JObject> findings)
    {
        var candidates = expectations.Select(e => Enumerable.Range(0, findings.Count).Where(a => FindingJson.Matches(e, findings[a])).ToArray()).ToArray();
        var owner = new int?[findings.Count];

        bool TryAssign(int expectation, bool[] visited)
        {
            foreach (var finding in candidates[expectation])
            {
                if (visited[finding])
                {
                    continue;
                }

                visited[finding] = true;
                if (owner[finding] is not { } current || TryAssign(current, visited))
                {
                    owner[finding] = expectation;
                    return true;
                }
            }

            return false;
        }

        for (var expectation = 0; expectation < expectations.Count; expectation++)
        {
            TryAssign(expectation, new bool[findings.Count]);
        }

        return expectations
            .Select((e, i) => (e, Array.IndexOf(owner, (int?)i) is var a and >= 0 ? findings[a] : null))
            .ToArray();
    }

    /// <summary>
    /// The cases a failure is about (those its missing and unexpected findings name; every case
    /// when an expectation names none), evaluated again with tracing on: a passing fixture pays nothing.
    /// </summary>
    private static CaseTrace[] Trace(Fixture fixture, Evaluator evaluator, IEnumerable<JObject> missing, IEnumerable<JObject> unexpected)
    {
        var involved = missing.Concat(unexpected).Select(f => f["caseId"]).ToArray();
        var everyCase = involved.Any(id => id is null);
        var caseIds = involved.OfType<JValue>().Select(id => id.Value as string).ToHashSet();
        return ReadCases(fixture)
            .OfType<ReadCase>()
            .Where(read => everyCase || caseIds.Contains(read.Case.CaseId))
            .Select(read => evaluator.Trace(read.Case))
            .ToArray();
    }

    /// <summary>Evaluates a fixture's cases as <c>compliance check</c> would: every finding of every rule.</summary>
    public CheckReport Evaluate(Fixture fixture) => Check.Run(ReadCases(fixture), EvaluatorFor(fixture));

    private Evaluator EvaluatorFor(Fixture fixture) => compiled.EvaluatorFor(fixture.ProfileJson, fixture.Profile, fixture.AsOf);

    private static IEnumerable<CaseReadResult> ReadCases(Fixture fixture) =>
        new CaseFileReader().Read(new StringReader(fixture.Cases.ToString()), fixture.Path);
}
