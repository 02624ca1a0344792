using System.Text;
using ComplianceRules.Outputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>
/// What a failed fixture prints: the fixture, expected and found findings side by side (field by
/// field, differences marked), the JSON to paste back into <c>expect</c>, and the timeline of
/// each case involved.
/// </summary>
public static class FixtureReport
{
    /// <summary>The fields a fixture usually pins, in the order they are shown: rule, case, subject, status and dates.</summary>
    private static readonly string[] EssentialFields = ["ruleId", "caseId", "subjectId", "status", "dueDate", "metOn"];

    /// <summary>Values longer than this do not set the expected column's width, so the table fits a terminal.</summary>
    private const int WideCell = 40;

    public static string Describe(FixtureOutcome outcome) => outcome switch
    {
        BrokenFixture broken => $"FAIL {broken.Path}: not a valid fixture\n  {broken.Problem}\n",
        FixtureResult { Passed: true } result => $"PASS {result.Path}\n",
        FixtureResult result => DescribeFailure(result),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The fields a fixture usually pins, from a finding as findings.json writes it.</summary>
    public static JObject Essentials(JObject finding)
    {
        var essentials = new JObject();
        foreach (var name in EssentialFields)
        {
            if (finding[name] is { Type: not JTokenType.Null } value)
            {
                essentials[name] = value;
            }
        }

        return essentials;
    }

    /// <summary>
    /// The <c>expect</c> that makes the fixture pass: every finding found, each with the fields its
    /// expectation pinned (an expectation that matched keeps its own fields; one that differs from
    /// the finding it is shown against keeps its field names, with the found values) plus the essentials.
    /// </summary>
    public static JArray PasteBack(FixtureResult result)
    {
        var shapes = new Dictionary<JObject, JObject>(ReferenceEqualityComparer.Instance);
        foreach (var match in result.Matched)
        {
            shapes[match.Actual] = match.Expected;
        }

        foreach (var (expected, actual) in Pair(result.Missing, result.Unexpected))
        {
            if (expected is not null && actual is not null)
            {
                shapes[actual] = expected;
            }
        }

        return new JArray(result.Actual.Select(actual =>
            shapes.TryGetValue(actual, out var shape) ? WithEssentials(Project(actual, shape), actual) : Essentials(actual)));
    }

    private static string DescribeFailure(FixtureResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"FAIL {result.Path}");
        text.AppendLine($"  {result.Fixture.Description}");
        text.AppendLine($"  as of {result.Fixture.AsOf:yyyy-MM-dd}; rules checked: {(result.Fixture.Rules is { } listed ? string.Join(", ", listed) : "all")}");
        text.AppendLine();

        foreach (var (expected, actual) in Pair(result.Missing, result.Unexpected))
        {
            var title = expected is null ? "found, not expected" : actual is null ? "expected, not found" : "expected, and the closest finding found";
            SideBySide(text, title, expected, actual);
        }

        foreach (var match in result.Matched)
        {
            text.AppendLine($"  matched: {match.Expected.ToString(Formatting.None)}");
        }

        text.AppendLine();
        text.AppendLine("  paste back as \"expect\":");
        text.AppendLine(Indent(Compact(PasteBack(result)), "  "));

        var rules = result.Missing.Concat(result.Unexpected)
            .Select(f => (string?)f["ruleId"])
            .Concat(result.Missing.Any(f => f["ruleId"] is null) ? result.Fixture.Rules ?? [] : [])
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (var trace in result.Traces)
        {
            foreach (var rule in rules)
            {
                text.AppendLine();
                CaseTimeline.Write(text, trace, rule, result.Fixture.AsOf);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Pairs each missing expectation with the unexpected finding most like it (same rule, and
    /// case when it names one; most fields equal), so a wrong date or status shows as one row.
    /// </summary>
    private static IEnumerable<(JObject? Expected, JObject? Actual)> Pair(IEnumerable<JObject> missing, IEnumerable<JObject> unexpected)
    {
        var pool = unexpected.ToList();
        foreach (var expected in missing)
        {
            var closest = pool
                .Where(actual => Same(expected, actual, "ruleId") && Same(expected, actual, "caseId"))
                .MaxBy(actual => expected.Properties().Count(p => FindingJson.Matches(new JObject(p), actual)));
            if (closest is not null)
            {
                pool.Remove(closest);
            }

            yield return (expected, closest);
        }

        foreach (var actual in pool)
        {
            yield return (null, actual);
        }
    }

    private static bool Same(JObject expected, JObject actual, string field) =>
        expected[field] is not { } value || JToken.DeepEquals(value, actual[field]);

    /// <summary>Field | expected | found, one row per field; <c>!=</c> marks a field the finding does not match.</summary>
    private static void SideBySide(StringBuilder text, string title, JObject? expected, JObject? actual)
    {
        var fields = EssentialFields
            .Where(name => expected?.ContainsKey(name) == true || (actual?[name] is { Type: not JTokenType.Null }))
            .Concat(expected?.Properties().Select(p => p.Name).Where(name => !EssentialFields.Contains(name)) ?? [])
            .ToArray();
        var rows = fields.Select(name =>
        {
            var wanted = expected?[name];
            var found = actual is null ? null : wanted is JObject shape && actual[name] is JObject whole ? Project(whole, shape) : actual[name];
            var differs = wanted is not null && actual is not null && !FindingJson.Matches(new JObject(new JProperty(name, wanted)), actual);
            return (Name: name, Expected: Cell(wanted, expected is not null), Found: Cell(found, actual is not null), Differs: differs);
        }).ToArray();

        // A long value (a message) gets its found value on the next line rather than widening every row.
        var nameWidth = Math.Max("field".Length, rows.Max(r => r.Name.Length));
        var expectedWidth = Math.Max("expected".Length, rows.Select(r => r.Expected.Length).Where(length => length <= WideCell).DefaultIfEmpty(0).Max());
        text.AppendLine($"  {title}:");
        text.AppendLine($"    {"field".PadRight(nameWidth)}  {"expected".PadRight(expectedWidth)}      found");
        foreach (var row in rows)
        {
            var marker = row.Differs ? "!=" : "  ";
            if (row.Expected.Length > expectedWidth && row.Found.Length > 0)
            {
                text.AppendLine($"    {row.Name.PadRight(nameWidth)}  {row.Expected}");
                text.AppendLine($"    {"".PadRight(nameWidth)}  {"".PadRight(expectedWidth)}  {marker}  {row.Found}");
                continue;
            }

            text.AppendLine($"    {row.Name.PadRight(nameWidth)}  {row.Expected.PadRight(expectedWidth)}  {marker}  {row.Found}".TrimEnd());
        }
    }

    /// <summary>A value as a cell: strings as they are, other JSON compact; "-" where the side has no finding or no such field.</summary>
    private static string Cell(JToken? value, bool sidePresent) => !sidePresent ? "" : value switch
    {
        null => "-",
        { Type: JTokenType.String } => (string)value!,
        _ => value.ToString(Formatting.None),
    };

    /// <summary>The finding's values for the fields <paramref name="shape"/> names, objects narrowed to the fields the shape gives.</summary>
    private static JObject Project(JObject actual, JObject shape)
    {
        var projected = new JObject();
        foreach (var (name, wanted) in shape)
        {
            var value = actual[name];
            projected[name] = wanted is JObject nested && value is JObject whole ? Project(whole, nested) : value?.DeepClone() ?? JValue.CreateNull();
        }

        return projected;
    }

    private static JObject WithEssentials(JObject projected, JObject actual)
    {
        var result = Essentials(actual);
        foreach (var (name, value) in projected)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>An array with one finding per line, as fixtures are written.</summary>
    private static string Compact(JArray findings) => findings.Count == 0
        ? "[]"
        : "[\n" + string.Join(",\n", findings.Select(f => "  " + f.ToString(Formatting.None))) + "\n]";

    private static string Indent(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(line => prefix + line));
}
