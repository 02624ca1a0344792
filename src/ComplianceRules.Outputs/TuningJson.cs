using ComplianceRules.Findings.Tuning;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>The JSON of <c>compliance tune --out</c>: the table, one object per value tried.</summary>
public static class TuningJson
{
    public static void Write(TextWriter output, TuningResult result) => Json.Document(output, json =>
    {
        var request = result.Request;
        Json.Tool(json);
        Json.Property(json, "asOf", Json.Date(result.AsOf));
        Json.Profile(json, "profile", result.Profile.Origin);
        Json.Property(json, "ruleId", request.Rule.Id);
        Json.Property(json, "parameter", request.Parameter.Name);
        Json.Property(json, "team", request.Team);
        json.WritePropertyName("currentValue");
        Json.Value(json, result.CurrentValue);
        json.WritePropertyName("teamsWithTheirOwnValue");
        Json.Value(json, result.TeamsWithTheirOwnValue);
        Json.Cases(json, result.Cases);
        if (result.CasesOfTeam is { } casesOfTeam)
        {
            Json.Property(json, "casesOfTeam", casesOfTeam);
        }

        json.WritePropertyName("values");
        json.WriteStartArray();
        foreach (var row in result.Rows)
        {
            WriteRow(json, row);
        }

        json.WriteEndArray();
    });

    private static void WriteRow(JsonWriter json, TuningRow row)
    {
        json.WriteStartObject();
        json.WritePropertyName("value");
        Json.Value(json, row.Value);
        Json.Property(json, "current", row.IsCurrent);
        Json.Property(json, "findings", row.Findings);
        Json.Property(json, "casesAffected", row.CasesAffected);
        Json.Property(json, "added", row.Added);
        Json.Property(json, "removed", row.Removed);
        Json.Property(json, "casesChanged", row.CasesChanged);
        json.WriteEndObject();
    }
}
