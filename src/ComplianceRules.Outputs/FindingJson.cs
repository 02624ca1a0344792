using ComplianceRules.Findings.Reporting;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Outputs;

/// <summary>One finding as findings.json writes it, as a JSON object: what fixtures compare against.</summary>
public static class FindingJson
{
    public static JObject ToJson(Finding finding)
    {
        using var writer = new JTokenWriter();
        FindingsJson.WriteFinding(writer, finding);
        return (JObject)writer.Token!;
    }

    /// <summary>
    /// True when every field <paramref name="expected"/> gives equals the finding's: objects are
    /// compared by the fields the expectation gives, values and arrays exactly.
    /// </summary>
    public static bool Matches(JObject expected, JObject actual)
    {
        foreach (var (name, value) in expected)
        {
            var other = actual[name];
            var equal = value is JObject nested
                ? other is JObject nestedActual && Matches(nested, nestedActual)
                : JToken.DeepEquals(value, other ?? JValue.CreateNull());
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }
}
