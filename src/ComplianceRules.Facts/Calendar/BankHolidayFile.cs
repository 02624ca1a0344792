using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Facts.Calendar;

/// <summary>Reads the England and Wales dates from gov.uk's <c>bank-holidays.json</c> format.</summary>
internal static class BankHolidayFile
{
    private const string Division = "england-and-wales";

    public static IReadOnlyList<DateOnly> ReadDates(TextReader reader, string sourceName)
    {
        var root = ReadJson(reader, sourceName);
        if (root is not JObject rootObject)
        {
            throw Invalid(sourceName, "the document is not a JSON object");
        }

        if (rootObject[Division] is not JObject division)
        {
            throw Invalid(sourceName, $"it has no \"{Division}\" object");
        }

        if (division["events"] is not JArray events)
        {
            throw Invalid(sourceName, $"\"{Division}\" has no \"events\" array");
        }

        if (events.Count == 0)
        {
            throw Invalid(sourceName, $"\"{Division}.events\" is empty");
        }

        var dates = new List<DateOnly>(events.Count);
        for (var index = 0; index < events.Count; index++)
        {
            dates.Add(ReadDate(events[index], $"{Division}.events[{index}].date", sourceName));
        }

        return dates;
    }

    private static JToken ReadJson(TextReader reader, string sourceName)
    {
        // DateParseHandling.None keeps "2026-12-25" a string, so the date format is checked here, exactly.
        using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, CloseInput = false };
        try
        {
            var root = JToken.ReadFrom(json);

            // Reading on to the end makes Newtonsoft reject any content after the document but comments.
            while (json.Read())
            {
            }

            return root;
        }
        catch (JsonReaderException exception)
        {
            throw new CalendarException($"The bank holiday calendar {sourceName} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static DateOnly ReadDate(JToken bankHoliday, string path, string sourceName)
    {
        var value = bankHoliday is JObject holiday ? holiday["date"] : null;
        if (value is not JValue { Type: JTokenType.String, Value: string text })
        {
            throw Invalid(sourceName, $"{path} is missing or not a string");
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid(sourceName, $"{path} \"{text}\" is not a date (yyyy-MM-dd)");
        }

        return date;
    }

    private static CalendarException Invalid(string sourceName, string problem) =>
        new($"The bank holiday calendar {sourceName} is not in gov.uk bank-holidays.json format: {problem}.");
}
