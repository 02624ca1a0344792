using System.Globalization;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>
/// A rule fixture (cli.md "compliance test"): cases, an as-of date, optionally the rules it
/// speaks for and a profile, and the findings those rules must report, exactly.
/// </summary>
/// <param name="ProfileJson">The profile as written (null: the shipped defaults); its text keys the compiled rule sets.</param>
public sealed record Fixture(
    string Path,
    string Description,
    DateOnly AsOf,
    IReadOnlyList<string>? Rules,
    JObject? ProfileJson,
    Profile Profile,
    JArray Cases,
    IReadOnlyList<JObject> Expect)
{
    private static readonly string[] FixtureKeys = ["description", "asOf", "rules", "profile", "cases", "expect"];
    private static readonly string[] StatusNames = Enum.GetNames<FindingStatus>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The fields findings.json writes, taken from the writer itself so that they cannot drift (a CSC0001 finding has them all).</summary>
    private static readonly string[] FindingFields = FindingJson.ToJson(new Finding(
            new RuleFinding { RuleId = "CSC0001", CaseId = null, Status = FindingStatus.Present, Message = "", Source = new FindingSource("", 0, "") },
            Severity.Error, RuleCategory.Input, Suppression: null))
        .Properties().Select(p => p.Name).ToArray();

    /// <summary>Whether the fixture checks <paramref name="ruleId"/>'s findings (all rules when it lists none).</summary>
    public bool Checks(string ruleId) => Rules is null || Rules.Contains(ruleId);

    /// <summary>Every fixture file among <paramref name="paths"/> (files, or directories searched recursively), in ordinal order.</summary>
    public static IEnumerable<string> Find(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Where(IsFixture)
                : [path])
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// In a directory, a JSON file is a fixture unless it is plainly something else: case files,
    /// profiles and holiday calendars beside the fixtures hold none of a fixture's keys. A file that
    /// is not valid JSON counts as a fixture, so that a broken one is reported, never skipped.
    /// </summary>
    private static bool IsFixture(string file)
    {
        try
        {
            using var reader = new JsonTextReader(File.OpenText(file));
            return JToken.ReadFrom(reader) is JObject body && FixtureKeys.Any(body.ContainsKey) && !body.ContainsKey("caseId");
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Reads and checks a fixture; a <see cref="FixtureException"/> names the file, line, column and field that is wrong.</summary>
    public static Fixture Load(string path)
    {
        JObject body;
        try
        {
            using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
            body = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }) as JObject
                ?? throw new FixtureException(path, 1, 1, "a fixture is a JSON object");
        }
        catch (JsonReaderException error)
        {
            // Newtonsoft's message ends by repeating the path, line and position: the prefix says them.
            throw new FixtureException(path, error.LineNumber, error.LinePosition, $"not valid JSON: {error.Message.Split(" Path '", 2)[0]}");
        }

        var asOfToken = Required(path, body, "asOf", JTokenType.String);
        if (!DateOnly.TryParseExact((string)asOfToken!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw FixtureException.At(path, asOfToken, $"`asOf` must be a date as YYYY-MM-DD, not \"{asOfToken}\"");
        }

        var rules = ReadRules(path, body);
        var profileJson = Optional(path, body, "profile", JTokenType.Object) as JObject;
        return new Fixture(
            path,
            (string)Required(path, body, "description", JTokenType.String)!,
            asOf,
            rules,
            profileJson,
            ReadProfile(path, profileJson),
            (JArray)Required(path, body, "cases", JTokenType.Array),
            ReadExpectations(path, (JArray)Required(path, body, "expect", JTokenType.Array), rules));
    }

    private static string[]? ReadRules(string path, JObject body)
    {
        if (Optional(path, body, "rules", JTokenType.Array) is not JArray rules)
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (rule.Type != JTokenType.String || RuleCatalog.Default.Find((string)rule!) is null)
            {
                throw FixtureException.At(path, rule, $"`rules`: {rule.ToString(Formatting.None)} is not a rule of the catalogue");
            }
        }

        return rules.Values<string>().OfType<string>().ToArray();
    }

    private static Profile ReadProfile(string path, JObject? profile)
    {
        try
        {
            return profile is null ? Profile.Default : ProfileReader.FromJson(profile, path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }
        catch (ProfileException error)
        {
            throw new FixtureException(path, error.Line, error.Column, $"`profile`: {error.Problem}");
        }
    }

    /// <summary>Checks what an expectation can be checked for: it is an object, its status and dates can occur, its rule is one the fixture checks.</summary>
    private static JObject[] ReadExpectations(string path, JArray expect, string[]? rules)
    {
        var expectations = new JObject[expect.Count];
        for (var i = 0; i < expect.Count; i++)
        {
            var entry = expect[i] as JObject ?? throw FixtureException.At(path, expect[i], $"`expect[{i}]` must be an object");
            if (entry.Properties().FirstOrDefault(p => !FindingFields.Contains(p.Name)) is { } unknown)
            {
                var meant = FindingFields.FirstOrDefault(f => f.Equals(unknown.Name, StringComparison.OrdinalIgnoreCase));
                throw FixtureException.At(path, unknown, $"`expect[{i}].{unknown.Name}` is not a field of a finding{(meant is null ? "" : $"; did you mean `{meant}`?")}");
            }

            var ruleId = entry["ruleId"];
            if (ruleId is not null && (ruleId.Type != JTokenType.String || RuleCatalog.Default.Find((string)ruleId!) is null))
            {
                throw FixtureException.At(path, ruleId, $"`expect[{i}].ruleId`: {ruleId.ToString(Formatting.None)} is not a rule of the catalogue");
            }

            if (ruleId is not null && rules is not null && !rules.Contains((string)ruleId!) && (string)ruleId! != FixtureRunner.UnreadableCaseRule)
            {
                throw FixtureException.At(path, ruleId, $"`expect[{i}].ruleId`: {ruleId} is not among the fixture's `rules`, so it could never be found");
            }

            if (entry["status"] is { } status && (status.Type != JTokenType.String || !StatusNames.Contains((string)status!)))
            {
                throw FixtureException.At(path, status, $"`expect[{i}].status` must be one of {string.Join(", ", StatusNames)}, not {status.ToString(Formatting.None)}");
            }

            foreach (var name in new[] { "dueDate", "metOn" })
            {
                if (entry[name] is { Type: not JTokenType.Null } date
                    && (date.Type != JTokenType.String || !DateOnly.TryParseExact((string)date!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                {
                    throw FixtureException.At(path, date, $"`expect[{i}].{name}` must be a date as YYYY-MM-DD or null, not {date.ToString(Formatting.None)}");
                }
            }

            expectations[i] = entry;
        }

        return expectations;
    }

    private static JToken Required(string path, JObject body, string key, JTokenType type) =>
        Optional(path, body, key, type) ?? throw FixtureException.At(path, body, $"needs `{key}` ({Describe(type)})");

    private static JToken? Optional(string path, JObject body, string key, JTokenType type)
    {
        var token = body[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type == type ? token : throw FixtureException.At(path, token, $"`{key}` must be {Describe(type)}, not {token.Type.ToString().ToLowerInvariant()}");
    }

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.String => "a string",
        JTokenType.Array => "an array",
        _ => "an object",
    };
}

/// <summary>A fixture file that is not a fixture: names the file, line and column, and the field that is wrong.</summary>
public sealed class FixtureException(string path, int line, int column, string problem) : Exception($"{path}:{line}:{column}: {problem}")
{
    /// <summary>At <paramref name="token"/>'s position in the file (where it starts).</summary>
    public static FixtureException At(string path, JToken token, string problem)
    {
        var position = (IJsonLineInfo)token;
        return position.HasLineInfo()
            ? new FixtureException(path, position.LineNumber, position.LinePosition, problem)
            : new FixtureException(path, 1, 1, problem);
    }
}
