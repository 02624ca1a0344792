using ComplianceRules.Facts.Calendar;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Calendar;

public class WorkingDayCalendarTests
{
    [Fact]
    public void Years_covered_are_the_first_and_last_years_among_the_events()
    {
        var calendar = WithBankHolidays("2025-12-25", "2024-01-01", "2026-05-04");
        calendar.FirstYear.ShouldBe(2024);
        calendar.LastYear.ShouldBe(2026);
        calendar.Source.ShouldBe("test-calendar.json");
    }

    [Fact]
    public void Reads_only_the_england_and_wales_division()
    {
        const string json = """
            {"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true}]},
             "scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2026-11-30","notes":"","bunting":true}]}}
            """;
        var calendar = WorkingDayCalendar.Parse(new StringReader(json), "two-divisions.json");

        calendar.IsBankHoliday(Date("2026-12-25")).ShouldBeTrue();
        calendar.IsWorkingDay(Date("2026-11-30")).ShouldBeTrue(); // a Scottish holiday only
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"scotland":{"events":[]}}""", "no \"england-and-wales\" object")]
    [InlineData("""{"england-and-wales":{"events":{}}}""", "no \"events\" array")]
    [InlineData("""{"england-and-wales":{"events":[]}}""", "\"england-and-wales.events\" is empty")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"x"}]}}""", "england-and-wales.events[0].date is missing")]
    [InlineData("""{"england-and-wales":{"events":[{"date":20261225}]}}""", "england-and-wales.events[0].date is missing or not a string")]
    [InlineData("""{"england-and-wales":{"events":[{"date":"2026-12-25"},{"date":"2026-13-01"}]}}""", "england-and-wales.events[1].date \"2026-13-01\" is not a date")]
    [InlineData("""{"england-and-wales":{"events":[{"date":"25/12/2026"}]}}""", "\"25/12/2026\" is not a date (yyyy-MM-dd)")]
    [InlineData("""{"england-and-wales":{"events":[{"date":"2026-12-25"}]}} {}""", "is not valid JSON: Additional text encountered")]
    public void A_bad_file_is_an_error_naming_the_source_and_the_problem(string json, string problem)
    {
        var error = Should.Throw<CalendarException>(() => WorkingDayCalendar.Parse(new StringReader(json), "profile/holidays.json"));
        error.Message.ShouldContain("profile/holidays.json");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_as_the_source()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2030-12-25","notes":"","bunting":true}]}}""");
        try
        {
            var calendar = WorkingDayCalendar.Load(path);
            calendar.Source.ShouldBe(path);
            calendar.LastYear.ShouldBe(2030);
            calendar.IsBankHoliday(Date("2030-12-25")).ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_of_a_missing_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        var error = Should.Throw<CalendarException>(() => WorkingDayCalendar.Load(path));
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("cannot be read");
    }

    [Theory]
    [InlineData("2011-12-30", 2011)]
    [InlineData("2028-01-03", 2028)]
    public void Asking_about_a_year_the_calendar_does_not_hold_is_an_error_naming_year_and_source(string isoDate, int year)
    {
        var calendar = WorkingDayCalendar.Default;

        var error = Should.Throw<CalendarYearMissingException>(() => calendar.IsWorkingDay(Date(isoDate)));
        error.Year.ShouldBe(year);
        error.CalendarSource.ShouldBe("embedded bank-holidays.json");
        error.Message.ShouldContain(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        error.Message.ShouldContain("embedded bank-holidays.json");
        Should.Throw<CalendarYearMissingException>(() => calendar.IsBankHoliday(Date(isoDate)));
    }

    [Fact]
    public void A_year_without_any_listed_bank_holiday_inside_the_range_is_not_held()
    {
        var calendar = WithBankHolidays("2025-12-25", "2027-01-01");

        calendar.HoldsYear(2025).ShouldBeTrue();
        calendar.HoldsYear(2026).ShouldBeFalse();
        Should.Throw<CalendarYearMissingException>(() => calendar.IsWorkingDay(Date("2026-06-01"))).Year.ShouldBe(2026);
    }

    [Fact]
    public void EnsureCovers_requires_the_as_of_year()
    {
        var calendar = WorkingDayCalendar.Default;

        Should.NotThrow(() => calendar.EnsureCovers(Date("2027-12-31")));
        Should.Throw<CalendarYearMissingException>(() => calendar.EnsureCovers(Date("2028-01-01"))).Year.ShouldBe(2028);
    }
}
