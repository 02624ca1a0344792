using System.Collections;
using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>How outputs spell values: ISO dates, camelCase enum names.</summary>
internal static class Json
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
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
