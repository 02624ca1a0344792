using System.Globalization;
using System.Security.Cryptography;
using ComplianceRules.Engine;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Findings.Profiles;

/// <summary>
/// Reads a profile (cli.md "Profile") and checks it against the catalogue: unknown rule IDs,
/// parameters, categories, severities and keys, wrong types and suppressions without a
/// justification are <see cref="ProfileException"/>s naming file, line and column, with a
/// "did you mean" where a near name exists. Parameter values come out typed as the rule declares them.
/// </summary>
public sealed class ProfileReader
{
    private static readonly string[] TopLevelKeys = ["dayCounting", "lookbackMonths", "holidays", "severity", "categories", "rules", "teams", "suppressions"];
    private static readonly string[] SuppressionKeys = ["ruleId", "caseId", "subjectId", "justification", "approvedBy", "expires"];

    private readonly string file;
    private readonly RuleCatalog catalog;

    // The profile's lines, when its text is at hand, so that errors point at where a token starts.
    private readonly string[]? lines;

    private ProfileReader(string file, RuleCatalog catalog, string[]? lines = null)
    {
        this.file = file;
        this.catalog = catalog;
        this.lines = lines;
    }

    /// <summary>Reads the profile at <paramref name="path"/>; a relative <c>holidays</c> path is resolved against its folder.</summary>
    public static Profile Load(string path, RuleCatalog? catalog = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException(path, 0, 0, $"cannot read the profile: {error.Message}");
        }

        using var text = new StreamReader(new MemoryStream(bytes));
        var profile = Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, catalog);
        return profile with { Origin = new ProfileOrigin(path, System.Convert.ToHexStringLower(SHA256.HashData(bytes))) };
    }

    /// <summary>Reads a profile from text (a fixture's inline profile); relative paths resolve against <paramref name="folder"/>.</summary>
    public static Profile Parse(TextReader text, string sourceName, string folder, RuleCatalog? catalog = null)
    {
        var content = text.ReadToEnd();
        JToken root;
        try
        {
            using var json = new JsonTextReader(new StringReader(content)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });
        }
        catch (JsonReaderException error)
        {
            // Newtonsoft's message ends by repeating the path, line and position: the prefix says them.
            var problem = error.Message.Split(" Path '", 2)[0];
            throw new ProfileException(sourceName, error.LineNumber, error.LinePosition, $"not valid JSON: {problem}");
        }

        return new ProfileReader(sourceName, catalog ?? RuleCatalog.Default, content.ReplaceLineEndings("\n").Split('\n')).Read(root, folder);
    }

    /// <summary>Reads a profile already parsed as JSON (a fixture's <c>profile</c>).</summary>
    public static Profile FromJson(JToken root, string sourceName, string folder, RuleCatalog? catalog = null) =>
        new ProfileReader(sourceName, catalog ?? RuleCatalog.Default).Read(root, folder);

    private Profile Read(JToken root, string folder)
    {
        var body = Object(root, "the profile");
        CheckKeys(body, TopLevelKeys, "the profile");
        var profile = new Profile();
        if (Value(body, "dayCounting") is { } dayCounting)
        {
            profile = profile with { DayCounting = Enum<DayCounting>(dayCounting, "dayCounting") };
        }

        if (Value(body, "lookbackMonths") is { } lookback)
        {
            var months = (int)Convert(lookback, typeof(int), "lookbackMonths");
            profile = months < 0 ? throw Error(lookback, "lookbackMonths must be 0 or more") : profile with { LookbackMonths = months };
        }

        if (Value(body, "holidays") is { } holidays)
        {
            profile = profile with { HolidaysPath = Path.GetFullPath(Path.Combine(folder, String(holidays, "holidays"))) };
        }

        if (Value(body, "severity") is { } severity && String(severity, "severity") != "default")
        {
            profile = profile with { Severity = ParseSeverity(severity) };
        }

        return profile with
        {
            Categories = ReadCategories(body),
            Rules = ReadRules(Value(body, "rules"), "rules"),
            Teams = ReadTeams(body),
            Suppressions = ReadSuppressions(body),
        };
    }

    private Dictionary<RuleCategory, Severity> ReadCategories(JObject body)
    {
        var categories = new Dictionary<RuleCategory, Severity>();
        if (Value(body, "categories") is not { } node)
        {
            return categories;
        }

        foreach (var property in Object(node, "categories").Properties())
        {
            var category = Enum<RuleCategory>(property, property.Name, "category", pascalCase: true);
            var entry = Object(property.Value, $"categories.{property.Name}");
            CheckKeys(entry, ["severity"], $"categories.{property.Name}");
            if (Value(entry, "severity") is { } severity)
            {
                categories[category] = ParseSeverity(severity);
            }
        }

        return categories;
    }

    private Dictionary<string, RuleSettings> ReadRules(JToken? node, string where)
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
        if (node is null)
        {
            return rules;
        }

        foreach (var property in Object(node, where).Properties())
        {
            var rule = catalog.Find(property.Name)
                ?? throw Error(property, NameSuggestions.UnknownRule(property.Name, catalog));
            var entry = Object(property.Value, $"{where}.{rule.Id}");
            Severity? severity = null;
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var setting in entry.Properties())
            {
                if (setting.Name == "severity")
                {
                    severity = ParseSeverity(setting.Value);
                    continue;
                }

                var parameter = rule.Parameters.FirstOrDefault(p => p.Name == setting.Name)
                    ?? throw Error(setting, NameSuggestions.UnknownParameter(setting.Name, rule));
                parameters[parameter.Name] = Convert(setting.Value, parameter.ValueType, $"{rule.Id}.{parameter.Name}");
            }

            rules[rule.Id] = new RuleSettings { Severity = severity, Parameters = parameters };
        }

        return rules;
    }

    private Dictionary<string, TeamSettings> ReadTeams(JObject body)
    {
        var teams = new Dictionary<string, TeamSettings>(StringComparer.Ordinal);
        if (Value(body, "teams") is not { } node)
        {
            return teams;
        }

        foreach (var team in Object(node, "teams").Properties())
        {
            var entry = Object(team.Value, $"teams.{team.Name}");
            CheckKeys(entry, ["rules"], $"team `{team.Name}`");
            teams[team.Name] = new TeamSettings { Rules = ReadRules(Value(entry, "rules"), $"teams.{team.Name}.rules") };
        }

        return teams;
    }

    private List<Suppression> ReadSuppressions(JObject body)
    {
        var suppressions = new List<Suppression>();
        if (Value(body, "suppressions") is not { } node)
        {
            return suppressions;
        }

        if (node is not JArray entries)
        {
            throw Error(node, "suppressions must be an array");
        }

        foreach (var item in entries)
        {
            var entry = Object(item, "a suppression");
            CheckKeys(entry, SuppressionKeys, "a suppression");
            var ruleNode = Value(entry, "ruleId") ?? throw Error(entry, "a suppression needs a `ruleId`");
            var ruleId = String(ruleNode, "ruleId");
            if (catalog.Find(ruleId) is null)
            {
                throw Error(ruleNode, NameSuggestions.UnknownRule(ruleId, catalog));
            }

            // A suppression is a documented exception for one child; switching a rule off everywhere is `"severity": "none"`.
            if (Value(entry, "caseId") is null)
            {
                throw Error(entry, $"the suppression of {ruleId} needs a `caseId`; to switch {ruleId} off for every case, set its severity to `none`");
            }

            var justification = Value(entry, "justification") is { } j ? String(j, "justification").Trim() : "";
            if (justification.Length == 0)
            {
                throw Error(entry, $"the suppression of {ruleId} needs a `justification`: say why the finding is accepted");
            }

            suppressions.Add(new Suppression
            {
                RuleId = ruleId,
                CaseId = String(Value(entry, "caseId")!, "caseId"),
                SubjectId = Value(entry, "subjectId") is { } subjectId ? String(subjectId, "subjectId") : null,
                Justification = justification,
                ApprovedBy = Value(entry, "approvedBy") is { } approvedBy ? String(approvedBy, "approvedBy") : null,
                Expires = Value(entry, "expires") is { } expires ? (DateOnly)Convert(expires, typeof(DateOnly), "expires") : null,
            });
        }

        return suppressions;
    }

    private Severity ParseSeverity(JToken node) => Enum<Severity>(node, String(node, "severity"), "severity", pascalCase: false);

    private T Enum<T>(JToken node, string where)
        where T : struct, Enum => Enum<T>(node, String(node, where), where, pascalCase: false);

    /// <summary>Profile spellings: camelCase for values (`inclusive`, `warning`), PascalCase for category names (`Oversight`).</summary>
    private T Enum<T>(IJsonLineInfo node, string text, string what, bool pascalCase)
        where T : struct, Enum
    {
        var names = System.Enum.GetNames<T>().Select(n => pascalCase ? n : char.ToLowerInvariant(n[0]) + n[1..]).ToArray();
        var index = Array.IndexOf(names, text);
        return index >= 0
            ? System.Enum.GetValues<T>()[index]
            : throw Error(node, $"unknown {what} `{text}`{NameSuggestions.Suggest(text, names)}; expected one of {string.Join(", ", names)}");
    }

    private object Convert(JToken node, Type type, string where) =>
        TryConvert(node, type) ?? throw Error(node, ExpectsProblem(node, type, where));

    /// <summary>
    /// A parameter value written outside a profile (<c>compliance tune --values</c>), typed as a
    /// profile's value would be: <c>15</c>, <c>true</c>, <c>2026-03-31</c>, <c>inclusive</c>.
    /// </summary>
    /// <exception cref="FormatException">Not a value of the parameter's type; the message says what was expected.</exception>
    public static object ParameterValue(RuleDescriptor rule, IRuleParameter parameter, string text)
    {
        // Strings and dates are typed bare on a command line; anything else is a JSON literal.
        var node = parameter.ValueType == typeof(string) || parameter.ValueType == typeof(DateOnly) ? new JValue(text) : Literal(text);
        return TryConvert(node, parameter.ValueType)
            ?? throw new FormatException(ExpectsProblem(node, parameter.ValueType, $"{rule.Id}.{parameter.Name}"));
    }

    private static JToken Literal(string text)
    {
        try
        {
            return JToken.Parse(text);
        }
        catch (JsonReaderException)
        {
            return new JValue(text);
        }
    }

    private static string ExpectsProblem(JToken node, Type type, string where) => $"{where} expects {Describe(type)}, found {Describe(node)}";

    /// <summary>The value of <paramref name="node"/> as <paramref name="type"/>; null when it is not one.</summary>
    private static object? TryConvert(JToken node, Type type)
    {
        try
        {
            if (type == typeof(DateOnly) && node.Type == JTokenType.String
                && DateOnly.TryParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (type == typeof(int) && node.Type == JTokenType.Integer)
            {
                return checked((int)(long)node);
            }

            if (type == typeof(double) && node.Type is JTokenType.Integer or JTokenType.Float)
            {
                return (double)node;
            }

            if (type == typeof(bool) && node.Type == JTokenType.Boolean)
            {
                return (bool)node;
            }

            if (type == typeof(string) && node.Type == JTokenType.String)
            {
                return (string)node!;
            }
        }
        catch (OverflowException)
        {
        }

        return null;
    }

    private static string Describe(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(DateOnly) ? "a date as \"YYYY-MM-DD\""
        : "a string";

    private static string Describe(JToken node) => node.Type switch
    {
        JTokenType.String => $"\"{(string)node!}\"",
        JTokenType.Null => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => node.ToString(Formatting.None),
    };

    private JObject Object(JToken node, string what) =>
        node as JObject ?? throw Error(node, $"{what} must be an object, found {Describe(node)}");

    private string String(JToken node, string what) =>
        node.Type == JTokenType.String ? (string)node! : throw Error(node, $"{what} expects a string, found {Describe(node)}");

    private static JToken? Value(JObject body, string key) =>
        body.TryGetValue(key, StringComparison.Ordinal, out var value) && value.Type != JTokenType.Null ? value : null;

    private void CheckKeys(JObject body, string[] allowed, string where)
    {
        foreach (var property in body.Properties())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Error(property, $"unknown key `{property.Name}` in {where}{NameSuggestions.Suggest(property.Name, allowed)}");
            }
        }
    }

    private ProfileException Error(IJsonLineInfo node, string problem) =>
        node.HasLineInfo() ? new(file, node.LineNumber, StartColumn(node.LineNumber, node.LinePosition), problem) : new(file, 0, 0, problem);

    /// <summary>
    /// The column where the token that ends at <paramref name="end"/> starts. Newtonsoft reports
    /// where a token ends (after a property name's colon); people look for where it starts.
    /// Without the text (a profile inside a fixture) the end is the best there is.
    /// </summary>
    private int StartColumn(int line, int end)
    {
        if (lines is null || line < 1 || line > lines.Length || end < 1)
        {
            return end;
        }

        var text = lines[line - 1];
        var last = Math.Min(end, text.Length) - 1;
        while (last > 0 && (char.IsWhiteSpace(text[last]) || text[last] == ':'))
        {
            last--;
        }

        var first = last;
        if (text[last] == '"')
        {
            do
            {
                first--;
            }
            while (first > 0 && (text[first] != '"' || IsEscaped(text, first)));
        }
        else if (text[last] is not ('{' or '['))
        {
            while (first > 0 && (char.IsLetterOrDigit(text[first - 1]) || text[first - 1] is '.' or '-' or '+'))
            {
                first--;
            }
        }

        return first + 1;
    }

    private static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        while (index - backslashes - 1 >= 0 && text[index - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
