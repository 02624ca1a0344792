using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>What a failed fixture prints: what was expected and not found, what was found and not expected, and the JSON to paste back.</summary>
public static class FixtureReport
{
    public static string Describe(FixtureResult result)
    {
        if (result.Passed)
        {
            return $"PASS {result.Fixture.Path}";
        }

        var text = new System.Text.StringBuilder();
        text.AppendLine($"FAIL {result.Fixture.Path}: {result.Fixture.Description}");
        foreach (var missing in result.Missing)
        {
            text.AppendLine($"  expected, not found: {missing.ToString(Formatting.None)}");
        }

        foreach (var unexpected in result.Unexpected)
        {
            text.AppendLine($"  found, not expected: {Essentials(unexpected).ToString(Formatting.None)}");
        }

        text.AppendLine("  paste back as \"expect\":");
        text.AppendLine(new JArray(result.Actual.Select(Essentials)).ToString(Formatting.Indented));
        return text.ToString();
    }

    /// <summary>The fields a fixture usually pins: rule, case, subject, status and dates.</summary>
    public static JObject Essentials(JObject finding)
    {
        var essentials = new JObject();
        foreach (var name in new[] { "ruleId", "caseId", "subjectId", "status", "dueDate", "metOn" })
        {
            if (finding[name] is { Type: not JTokenType.Null } value)
            {
                essentials[name] = value;
            }
        }

        return essentials;
    }
}
