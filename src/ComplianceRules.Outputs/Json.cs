using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>How outputs spell values: ISO dates, camelCase enum names.</summary>
internal static class Json
{
    public static string Date(DateOnly date) => DeadlineNotation.Iso(date);

    public static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The same name, worked out once per value: every finding has a severity and a status.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => CamelCaseNames<TEnum>.Of(value);

    private static class CamelCaseNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly ConcurrentDictionary<TEnum, string> Names = new();

        public static string Of(TEnum value) => Names.GetOrAdd(value, static named => Name((Enum)named));
    }

    /// <summary><c>"tool": { "name", "version" }</c>, which every JSON output starts with.</summary>
    public static void Tool(JsonWriter json)
    {
        json.WritePropertyName("tool");
        json.WriteStartObject();
        Property(json, "name", ToolInfo.Name);
        Property(json, "version", ToolInfo.Version);
        json.WriteEndObject();
    }

    /// <summary>A profile as outputs name it: <c>{ "path", "sha256" }</c>, or null for the shipped defaults.</summary>
    public static void Profile(JsonWriter json, string name, ProfileOrigin? origin)
    {
        json.WritePropertyName(name);
        if (origin is null)
        {
            json.WriteNull();
            return;
        }

        json.WriteStartObject();
        Property(json, "path", origin.Path);
        Property(json, "sha256", origin.Sha256);
        json.WriteEndObject();
    }

    /// <summary>The cases a comparison read, as findings.json's summary counts them.</summary>
    public static void Cases(JsonWriter json, CaseCount cases)
    {
        Property(json, "casesRead", cases.Read);
        Property(json, "casesEvaluated", cases.Evaluated);
        Property(json, "casesRejected", cases.Rejected);
    }

    /// <summary>
    /// A JSON output: <paramref name="writeProperties"/> writes the top-level object's properties;
    /// the document is indented and ends with a newline.
    /// </summary>
    public static void Document(TextWriter output, Action<JsonWriter> writeProperties)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        writeProperties(json);
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    // The Property helpers are only given the outputs' own names, plain camelCase ASCII, so they
    // are written as they are: escaping each one was about 8 % of rendering a finding.
    public static void Property(JsonWriter json, string name, int value)
    {
        json.WritePropertyName(name, escape: false);
        json.WriteValue(value);
    }

    public static void Property(JsonWriter json, string name, bool value)
    {
        json.WritePropertyName(name, escape: false);
        json.WriteValue(value);
    }

    public static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name, escape: false);
        json.WriteValue(value);
    }

    /// <summary>Writes a finding argument: dates as ISO strings, enums by name, lists as arrays.</summary>
    public static void Value(JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull();
                break;
            case DateOnly date:
                json.WriteValue(Date(date));
                break;
            case DateTime time:
                json.WriteValue(time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
                break;
            case Enum enumValue:
                json.WriteValue(Name(enumValue));
                break;
            case string text:
                json.WriteValue(text);
                break;
            case Newtonsoft.Json.Linq.JToken token:
                token.WriteTo(json);
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Value(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteValue(value);
                break;
        }
    }
}
