using System.Globalization;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Outputs;

/// <summary>The header of a findings.json: everything but the findings.</summary>
public sealed record FindingsHeader(DateOnly AsOf, ProfileOrigin? Profile)
{
    /// <summary><c>tool.version</c>: the version that wrote the file.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>The shard the file holds (<c>check --shard i/n</c>); null for a whole run.</summary>
    public Shard? Shard { get; init; }

    public int CasesEvaluated { get; init; }

    public int CasesRejected { get; init; }
}

/// <summary>
/// Reads findings.json back (to merge shards, or to diff against a previous night), streaming the
/// findings one at a time. Writing what it reads gives the same bytes: arguments are kept as JSON.
/// </summary>
public static class FindingsJsonReader
{
    /// <summary>Reads the header (which precedes the findings) and then streams the findings.</summary>
    public static (FindingsHeader Header, IEnumerable<Finding> Findings) Open(string path)
    {
        var header = ReadHeader(path);
        return (header, ReadFindings(path));
    }

    /// <summary>
    /// True when <paramref name="path"/> holds a findings.json (a top-level <c>findings</c>, which
    /// no profile may have); false for anything else, broken JSON included, for its own reader to explain.
    /// </summary>
    public static bool IsFindingsJson(string path)
    {
        try
        {
            using var json = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
            if (!json.Read() || json.TokenType != JsonToken.StartObject)
            {
                return false;
            }

            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                if ((string)json.Value! == "findings")
                {
                    return true;
                }

                json.Read();
                json.Skip();
            }
        }
        catch (JsonReaderException)
        {
        }

        return false;
    }

    private static FindingsHeader ReadHeader(string path)
    {
        using var json = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
        DateOnly? asOf = null;
        ProfileOrigin? profile = null;
        string? toolVersion = null;
        Shard? shard = null;
        var (casesEvaluated, casesRejected) = (0, 0);
        Expect(json, JsonToken.StartObject, path);
        while (json.Read() && json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)json.Value!;
            json.Read();
            switch (name)
            {
                case "asOf":
                    asOf = Date((string?)json.Value, path, "asOf");
                    break;
                case "profile" when json.TokenType == JsonToken.StartObject:
                    var body = JObject.Load(json);
                    profile = new ProfileOrigin((string)body["path"]!, (string)body["sha256"]!);
                    break;
                case "tool" when json.TokenType == JsonToken.StartObject:
                    toolVersion = (string?)JObject.Load(json)["version"];
                    break;
                case "shard" when json.TokenType == JsonToken.StartObject:
                    var part = JObject.Load(json);
                    shard = Shard.TryParse($"{(int?)part["index"]}/{(int?)part["count"]}") ?? throw Invalid(path, $"has an invalid shard {part.ToString(Formatting.None)}");
                    break;
                case "summary" when json.TokenType == JsonToken.StartObject:
                    var summary = JObject.Load(json);
                    (casesEvaluated, casesRejected) = ((int?)summary["casesEvaluated"] ?? 0, (int?)summary["casesRejected"] ?? 0);
                    break;
                case "findings":
                    return new FindingsHeader(asOf ?? throw Invalid(path, "has no asOf before its findings"), profile)
                    {
                        ToolVersion = toolVersion,
                        Shard = shard,
                        CasesEvaluated = casesEvaluated,
                        CasesRejected = casesRejected,
                    };
                default:
                    json.Skip();
                    break;
            }
        }

        throw Invalid(path, "has no findings array");
    }

    private static IEnumerable<Finding> ReadFindings(string path) =>
        AtEachFinding(path).Select(json => FromJson(JObject.Load(json), path));

    /// <summary>The reader at the start of each object of the file's findings array, in order: the caller reads the object before asking for the next.</summary>
    private static IEnumerable<JsonTextReader> AtEachFinding(string path)
    {
        using var json = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
        while (json.Read())
        {
            if (json.TokenType == JsonToken.PropertyName && (string)json.Value! == "findings" && json.Depth == 1)
            {
                json.Read();
                Expect(json, JsonToken.StartArray, path, read: false);
                while (json.Read() && json.TokenType == JsonToken.StartObject)
                {
                    yield return json;
                }

                yield break;
            }
        }
    }

    /// <summary>
    /// Each finding's fingerprint (from its rule, case, subject and due date, as <see cref="Finding"/>
    /// computes it) and severity, in the file's order, skipping the rest of it: what `compliance diff`
    /// indexes a previous run by, in half the time reading whole findings takes or less.
    /// </summary>
    public static IEnumerable<(string Fingerprint, Severity Severity)> ReadFingerprints(string path)
    {
        foreach (var json in AtEachFinding(path))
        {
            string? ruleId = null, caseId = null, subjectId = null, dueDate = null, severity = null;
            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)json.Value!;
                json.Read();
                // Only a string counts, as in FromJson; an object or array is skipped whatever its name.
                var text = json.TokenType == JsonToken.String ? (string)json.Value! : null;
                json.Skip();
                switch (name)
                {
                    case "ruleId":
                        ruleId = text;
                        break;
                    case "caseId":
                        caseId = text;
                        break;
                    case "subjectId":
                        subjectId = text;
                        break;
                    case "dueDate":
                        dueDate = text;
                        break;
                    case "severity":
                        severity = text;
                        break;
                }
            }

            var fingerprint = Finding.FingerprintOf(
                ruleId ?? throw Invalid(path, "has a finding without ruleId"),
                caseId,
                subjectId,
                dueDate is null ? null : Date(dueDate, path, "dueDate"));
            yield return (fingerprint, Enum<Severity>(severity, path));
        }
    }

    /// <summary>One finding object, as <see cref="FindingsJson.WriteFinding"/> writes it.</summary>
    public static Finding FromJson(JObject body, string path)
    {
        string? Text(string name) => body[name]?.Type == JTokenType.String ? (string?)body[name] : null;
        DateOnly? OptionalDate(string name) => Text(name) is { } text ? Date(text, path, name) : null;

        var result = new RuleFinding
        {
            RuleId = Text("ruleId") ?? throw Invalid(path, "has a finding without ruleId"),
            CaseId = Text("caseId"),
            SubjectId = Text("subjectId"),
            Status = Enum<FindingStatus>(Text("status"), path),
            DueDate = OptionalDate("dueDate"),
            MetOn = OptionalDate("metOn"),
            Message = Text("message") ?? "",
            // Detached copies: a value still in the finding's JObject keeps the whole object alive for as
            // long as the finding is held (about ten times the finding's size in the file).
            Arguments = (body["arguments"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (object?)p.Value.DeepClone()) ?? [],
            Evidence = (body["evidence"] as JArray)?.Values<string>().OfType<string>().ToArray() ?? [],
            Team = Text("team"),
            WorkerId = Text("workerId"),
            Source = body["source"] is JObject source
                ? new FindingSource((string?)source["file"] ?? "", (int?)source["line"] ?? 0, (string?)source["jsonPath"] ?? "")
                : null,
            File = body["location"]?["file"]?.Value<string>(),
            Line = body["location"]?["line"]?.Value<int>() ?? 0,
        };

        AppliedSuppression? suppression = null;
        if (body["suppression"] is JObject entry)
        {
            suppression = new AppliedSuppression(
                new Suppression
                {
                    RuleId = result.RuleId,
                    CaseId = result.CaseId ?? "",
                    Justification = (string?)entry["justification"] ?? "",
                    ApprovedBy = (string?)entry["approvedBy"],
                    Expires = (string?)entry["expires"] is { } expires ? Date(expires, path, "expires") : null,
                },
                Expired: (string?)entry["state"] == "expired");
        }

        return new Finding(
            result,
            Enum<Severity>(Text("severity"), path),
            System.Enum.Parse<RuleCategory>(Text("category") ?? throw Invalid(path, "has a finding without category")),
            suppression);
    }

    private static T Enum<T>(string? camelCase, string path)
        where T : struct, Enum =>
        camelCase is not null && System.Enum.TryParse<T>(camelCase, ignoreCase: true, out var value)
            ? value
            : throw Invalid(path, $"has an unknown {typeof(T).Name.ToLowerInvariant()} `{camelCase}`");

    private static DateOnly Date(string? text, string path, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid(path, $"has `{field}` \"{text}\", not a date");

    private static void Expect(JsonTextReader json, JsonToken token, string path, bool read = true)
    {
        if ((read && !json.Read()) || json.TokenType != token)
        {
            throw Invalid(path, $"is not a findings.json (expected {token} at line {json.LineNumber})");
        }
    }

    private static InvalidDataException Invalid(string path, string problem) => new($"{path} {problem}");
}
