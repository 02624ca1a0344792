using ComplianceRules.Findings.Diffing;
using ComplianceRules.Findings.Reporting;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>
/// The JSON of <c>compliance diff --out</c>: the two sides, the counts, and per rule and team the
/// findings only under A, only under B (as findings.json writes them) and those whose severity changed.
/// </summary>
public static class DiffJson
{
    public static void Write(TextWriter output, FindingsDiff diff) => Json.Document(output, json =>
    {
        Json.Tool(json);
        WriteSide(json, "a", diff.A, diff.FindingsUnderA);
        WriteSide(json, "b", diff.B, diff.FindingsUnderB);
        Json.Cases(json, diff.Cases);
        json.WritePropertyName("summary");
        json.WriteStartObject();
        Json.Property(json, "onlyA", diff.OnlyA);
        Json.Property(json, "onlyB", diff.OnlyB);
        Json.Property(json, "severityChanged", diff.SeverityChanged);
        json.WriteEndObject();
        json.WritePropertyName("groups");
        json.WriteStartArray();
        foreach (var group in diff.Groups)
        {
            WriteGroup(json, group);
        }

        json.WriteEndArray();
    });

    private static void WriteSide(JsonWriter json, string name, DiffSide side, int findings)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        Json.Property(json, "kind", side.Kind);
        Json.Property(json, "path", side.Path);
        Json.Property(json, "sha256", side.Sha256);
        Json.Property(json, "asOf", Json.Date(side.AsOf));
        Json.Property(json, "findings", findings);
        json.WriteEndObject();
    }

    private static void WriteGroup(JsonWriter json, DiffGroup group)
    {
        json.WriteStartObject();
        Json.Property(json, "ruleId", group.RuleId);
        Json.Property(json, "team", group.Team);
        WriteFindings(json, "onlyA", group.OnlyA);
        WriteFindings(json, "onlyB", group.OnlyB);
        json.WritePropertyName("severityChanged");
        json.WriteStartArray();
        foreach (var change in group.SeverityChanged)
        {
            json.WriteStartObject();
            Json.Property(json, "severityA", Json.Name(change.UnderA.Severity));
            Json.Property(json, "severityB", Json.Name(change.SeverityB));
            json.WritePropertyName("finding");
            FindingsJson.WriteFinding(json, change.UnderA);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFindings(JsonWriter json, string name, IEnumerable<Finding> findings)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            FindingsJson.WriteFinding(json, finding);
        }

        json.WriteEndArray();
    }
}
