using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>
/// A rule fixture (cli.md "compliance test"): cases, an as-of date, optionally the rules it
/// speaks for and a profile, and the findings those rules must report, exactly.
/// </summary>
public sealed record Fixture(
    string Path,
    string Description,
    DateOnly AsOf,
    IReadOnlyList<string>? Rules,
    JObject? Profile,
    JArray Cases,
    IReadOnlyList<JObject> Expect)
{
    /// <summary>Every fixture file among <paramref name="paths"/> (files, or directories searched recursively), in ordinal order.</summary>
    public static IEnumerable<string> Find(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Where(IsFixture)
                : [path])
            .Order(StringComparer.Ordinal);

    /// <summary>Fixtures are JSON files with an <c>expect</c> array; sample case files beside them are not.</summary>
    private static bool IsFixture(string file)
    {
        using var reader = new JsonTextReader(File.OpenText(file));
        return reader.Read() && reader.TokenType == JsonToken.StartObject
            && JToken.ReadFrom(reader) is JObject body && body.ContainsKey("expect") && body.ContainsKey("cases");
    }

    public static Fixture Load(string path)
    {
        JObject body;
        using (var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None })
        {
            body = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }

        string Need(string key) => body.Value<string>(key) ?? throw new FixtureException(path, $"needs a string `{key}`");

        var asOfText = Need("asOf");
        if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            throw new FixtureException(path, $"`asOf` must be a date as YYYY-MM-DD, not \"{asOfText}\"");
        }

        return new Fixture(
            path,
            Need("description"),
            asOf,
            body["rules"] is JArray rules ? rules.Values<string>().OfType<string>().ToArray() : null,
            body["profile"] as JObject,
            body["cases"] as JArray ?? throw new FixtureException(path, "needs an array `cases`"),
            (body["expect"] as JArray ?? throw new FixtureException(path, "needs an array `expect`"))
                .Select(e => e as JObject ?? throw new FixtureException(path, "every `expect` entry must be an object"))
                .ToArray());
    }
}

/// <summary>A fixture file that is not a fixture: names the file and what is wrong.</summary>
public sealed class FixtureException(string path, string problem) : Exception($"{path}: {problem}");
