using ComplianceRules.Facts.Calendar;

namespace ComplianceRules.Facts.Tests;

internal static class TestCalendars
{
    public static DateOnly Date(string isoDate) => DateOnly.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A calendar in gov.uk format holding exactly the given bank holidays.</summary>
    public static WorkingDayCalendar WithBankHolidays(params string[] isoDates)
    {
        var events = string.Join(",", isoDates.Select(date => $$"""{"title":"Test holiday","date":"{{date}}","notes":"","bunting":true}"""));
        var json = $$$"""{"england-and-wales":{"division":"england-and-wales","events":[{{{events}}}]}}""";
        return WorkingDayCalendar.Parse(new StringReader(json), "test-calendar.json");
    }
}
