using System.Collections.Concurrent;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>The outcome of one fixture: the findings it expected and did not get, and those it got and did not expect.</summary>
public sealed record FixtureResult(
    Fixture Fixture,
    IReadOnlyList<JObject> Actual,
    IReadOnlyList<JObject> Missing,
    IReadOnlyList<JObject> Unexpected)
{
    public bool Passed => Missing.Count == 0 && Unexpected.Count == 0;
}

/// <summary>
/// Runs fixtures the way <c>compliance check</c> runs cases, then compares: for the rules the
/// fixture lists (all when it lists none), and for CSC0001 always, the findings must equal
/// <c>expect</c> exactly. Only the fields an expectation gives are compared. Rule sets are compiled once per distinct profile.
/// </summary>
public sealed class FixtureRunner
{
    private const string UnreadableCaseRule = "CSC0001";

    private readonly ConcurrentDictionary<string, CompiledProfile> compiledByProfile = new(StringComparer.Ordinal);

    public FixtureResult Run(Fixture fixture)
    {
        var report = Evaluate(fixture);

        // A case the reader rejected counts whatever rules the fixture lists: otherwise a typo in a
        // fixture's case would make "expect: []" pass without testing anything.
        var actual = report.Findings
            .Where(f => fixture.Rules is null || fixture.Rules.Contains(f.Result.RuleId) || f.Result.RuleId == UnreadableCaseRule)
            .Select(FindingJson.ToJson)
            .ToList();

        var unmatched = new List<JObject>(actual);
        var missing = new List<JObject>();
        foreach (var expected in fixture.Expect)
        {
            var match = unmatched.FindIndex(a => FindingJson.Matches(expected, a));
            if (match < 0)
            {
                missing.Add(expected);
            }
            else
            {
                unmatched.RemoveAt(match);
            }
        }

        return new FixtureResult(fixture, actual, missing, unmatched);
    }

    /// <summary>Evaluates a fixture's cases as <c>compliance check</c> would.</summary>
    public CheckReport Evaluate(Fixture fixture)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(fixture.Path))!;
        var profileKey = fixture.Profile?.ToString(Newtonsoft.Json.Formatting.None) ?? "";
        var compiled = compiledByProfile.GetOrAdd(profileKey, _ => new CompiledProfile(
            fixture.Profile is null ? Profile.Default : ProfileReader.FromJson(fixture.Profile, fixture.Path, folder)));

        var calendar = compiled.Profile.HolidaysPath is { } holidays ? WorkingDayCalendar.Load(holidays) : WorkingDayCalendar.Default;
        var evaluator = new Evaluator(compiled, fixture.AsOf, calendar);
        using var cases = new StringReader(fixture.Cases.ToString());
        return Check.Run(new CaseFileReader().Read(cases, fixture.Path), evaluator);
    }
}
