using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>
/// A complete profile holding what the rules say under a profile: every rule with its severity
/// and every parameter. Under the empty profile it is profiles/default.json, the file a
/// quality-assurance lead copies and edits (`compliance rules --format profile`); a test keeps
/// the committed copy equal to it.
/// </summary>
public static class ProfileTemplate
{
    public static string Render(RuleCatalog catalog, Profile profile, EffectiveSettings settings)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false })
        {
            json.WriteStartObject();
            Json.Property(json, "dayCounting", Json.Name(profile.DayCounting));
            json.WritePropertyName("lookbackMonths");
            json.WriteValue(profile.LookbackMonths);
            Json.Property(json, "severity", profile.Severity is { } severity ? Json.Name(severity) : "default");
            json.WritePropertyName("categories");
            json.WriteStartObject();
            json.WriteEndObject();
            json.WritePropertyName("rules");
            json.WriteStartObject();
            foreach (var rule in catalog.Descriptors)
            {
                json.WritePropertyName(rule.Id);
                json.WriteStartObject();
                Json.Property(json, "severity", Json.Name(settings.SeverityOf(rule)));
                foreach (var parameter in rule.Parameters)
                {
                    json.WritePropertyName(parameter.Name);
                    Json.Value(json, settings.ValueOf(rule, parameter));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WritePropertyName("teams");
            json.WriteStartObject();
            json.WriteEndObject();
            json.WritePropertyName("suppressions");
            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        text.Write('\n');
        return text.ToString();
    }
}
