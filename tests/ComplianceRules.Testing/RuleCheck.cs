using System.Globalization;
using System.Text;
using ComplianceRules.Facts.Model;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Harness;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace ComplianceRules.Testing;

/// <summary>
/// A case built in code, checked as of D under the shipped defaults or a profile (as
/// <c>compliance check</c> would), with assertions on what the rules report. A failed assertion
/// is a Shouldly <see cref="ShouldAssertException"/> that shows every finding reported and the
/// timeline of the rule (its facts and deadlines), as <c>compliance test</c> prints them.
/// </summary>
public sealed class RuleCheck
{
    private static readonly CompiledProfiles Compiled = new();

    private readonly CaseFile file;
    private readonly DateOnly asOf;
    private JObject profile = [];
    private IReadOnlyList<JObject>? findings;

    internal RuleCheck(CaseFile file, DateOnly asOf)
    {
        this.file = file;
        this.asOf = asOf;
    }

    /// <summary>A whole profile (cli.md "Profile"), as JSON; later <see cref="WithParameter"/> calls add to it.</summary>
    public RuleCheck WithProfile(string json)
    {
        profile = JObject.Parse(json);
        return Changed();
    }

    /// <summary>One threshold of one rule, as a profile's <c>"rules": { ruleId: { name: value } }</c> sets it.</summary>
    public RuleCheck WithParameter(string ruleId, string name, object value)
    {
        var rules = profile["rules"] as JObject ?? (JObject)(profile["rules"] = new JObject());
        var rule = rules[ruleId] as JObject ?? (JObject)(rules[ruleId] = new JObject());
        rule[name] = JToken.FromObject(value);
        return Changed();
    }

    /// <summary>Every finding on the case, as findings.json writes them (evaluated once, on first use).</summary>
    public IReadOnlyList<JObject> Findings => findings ??= Evaluate();

    /// <summary>Passes when some finding of <paramref name="ruleId"/> has every field given.</summary>
    public RuleCheck ShouldReport(string ruleId, FindingStatus? status = null, DateOnly? dueDate = null, string? subjectId = null, DateOnly? metOn = null)
    {
        var expected = Expectation(ruleId, status, dueDate, subjectId, metOn);
        if (!Findings.Any(f => FindingJson.Matches(expected, f)))
        {
            throw new ShouldAssertException(Message(ruleId, "should report", expected));
        }

        return this;
    }

    /// <summary>Passes when no finding of <paramref name="ruleId"/> has every field given (none at all, when only the rule is given).</summary>
    public RuleCheck ShouldNotReport(string ruleId, FindingStatus? status = null, DateOnly? dueDate = null, string? subjectId = null)
    {
        var unwanted = Expectation(ruleId, status, dueDate, subjectId, metOn: null);
        if (Findings.Any(f => FindingJson.Matches(unwanted, f)))
        {
            throw new ShouldAssertException(Message(ruleId, "should not report", unwanted));
        }

        return this;
    }

    private RuleCheck Changed()
    {
        if (findings is not null)
        {
            throw new InvalidOperationException("Set the profile before the first ShouldReport/ShouldNotReport: the case has already been checked.");
        }

        return this;
    }

    private IReadOnlyList<JObject> Evaluate() =>
        CreateEvaluator().Evaluate(file).Order(FindingOrder.Instance).Select(FindingJson.ToJson).ToArray();

    private Evaluator CreateEvaluator()
    {
        JObject? json = profile.Count == 0 ? null : profile;
        var parsed = json is null ? Profile.Default : ProfileReader.FromJson(json, "RuleCheck profile", Directory.GetCurrentDirectory());
        return Compiled.EvaluatorFor(json, parsed, asOf);
    }

    private static JObject Expectation(string ruleId, FindingStatus? status, DateOnly? dueDate, string? subjectId, DateOnly? metOn)
    {
        var expected = new JObject { ["ruleId"] = ruleId };
        if (subjectId is not null)
        {
            expected["subjectId"] = subjectId;
        }

        if (status is { } s)
        {
            expected["status"] = s.ToString().ToLowerInvariant();
        }

        if (dueDate is { } due)
        {
            expected["dueDate"] = Iso(due);
        }

        if (metOn is { } met)
        {
            expected["metOn"] = Iso(met);
        }

        return expected;
    }

    /// <summary>Shouldly's shape: what was asked, then what was actually reported, then the rule's timeline.</summary>
    private string Message(string ruleId, string verb, JObject expectation)
    {
        var text = new StringBuilder();
        text.AppendLine($"case {file.CaseId} as of {Iso(asOf)}");
        text.AppendLine($"    {verb}");
        text.AppendLine(expectation.ToString(Formatting.None));
        text.AppendLine("    but reported");
        text.AppendLine(Findings.Count == 0 ? "nothing" : string.Join("\n", Findings.Select(f => FixtureReport.Essentials(f).ToString(Formatting.None))));
        text.AppendLine();
        CaseTimeline.Write(text, CreateEvaluator().Trace(file), ruleId, asOf);
        return text.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
