using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly DateOnly AsOf = Date("2026-11-30");

    private static DeadlineCalculator Inclusive(DateOnly? asOf = null) =>
        new(WorkingDayCalendar.Default, DayCounting.Inclusive, asOf ?? AsOf);

    private static DeadlineCalculator Exclusive(DateOnly? asOf = null) =>
        new(WorkingDayCalendar.Default, DayCounting.Exclusive, asOf ?? AsOf);

    [Theory]
    // wd(2026-12-23, 3) inclusive: Wed 23 (1), Thu 24 (2), Fri 25 Christmas, Sat, Sun, Mon 28 substitute Boxing Day, Tue 29 (3)
    [InlineData("2026-12-23", 3, "2026-12-29")]
    // wd(2026-11-30, 1) inclusive: Mon 30 is a working day, so it is day 1 itself
    [InlineData("2026-11-30", 1, "2026-11-30")]
    // wd(2026-11-02, 10) inclusive: Mon 2 (1) .. Fri 6 (5), Mon 9 (6) .. Fri 13 (10)
    [InlineData("2026-11-02", 10, "2026-11-13")]
    // wd(2026-04-01, 3) inclusive: Wed 1 (1), Thu 2 (2), Fri 3 Good Friday, Sat, Sun, Mon 6 Easter Monday, Tue 7 (3)
    [InlineData("2026-04-01", 3, "2026-04-07")]
    // wd(2026-12-31, 2) inclusive: Thu 31 (1), Fri 1 Jan New Year's Day, Sat, Sun, Mon 4 Jan (2)
    [InlineData("2026-12-31", 2, "2027-01-04")]
    // wd(2026-12-26, 1) inclusive from a Saturday: Sat, Sun, Mon 28 substitute, Tue 29 (1)
    [InlineData("2026-12-26", 1, "2026-12-29")]
    // wd(2026-12-25, 2) inclusive from a bank holiday: Fri 25 holiday, Sat, Sun, Mon 28 holiday, Tue 29 (1), Wed 30 (2)
    [InlineData("2026-12-25", 2, "2026-12-30")]
    public void WorkingDays_inclusive_counts_the_start_as_day_1_when_it_is_a_working_day(string x, int n, string expected)
    {
        Inclusive().WorkingDays(Date(x), n).ShouldBe(Date(expected));
    }

    [Theory]
    // wd(2026-12-23, 3) exclusive: Thu 24 (1), Fri 25 Christmas, Sat, Sun, Mon 28 substitute, Tue 29 (2), Wed 30 (3)
    [InlineData("2026-12-23", 3, "2026-12-30")]
    // wd(2026-11-30, 1) exclusive: Tue 1 Dec (1)
    [InlineData("2026-11-30", 1, "2026-12-01")]
    // wd(2026-11-02, 10) exclusive: Tue 3 (1) .. Fri 6 (4), Mon 9 (5) .. Fri 13 (9), Mon 16 (10)
    [InlineData("2026-11-02", 10, "2026-11-16")]
    // From a Saturday or a bank holiday the two conventions agree (the start is not a working day):
    // wd(2026-12-26, 1) exclusive: Sun, Mon 28 substitute, Tue 29 (1)
    [InlineData("2026-12-26", 1, "2026-12-29")]
    // wd(2026-12-25, 2) exclusive: Sat, Sun, Mon 28 holiday, Tue 29 (1), Wed 30 (2)
    [InlineData("2026-12-25", 2, "2026-12-30")]
    public void WorkingDays_exclusive_starts_the_day_after(string x, int n, string expected)
    {
        Exclusive().WorkingDays(Date(x), n).ShouldBe(Date(expected));
    }

    [Theory]
    // wdBack(2026-12-29, 2) inclusive: Tue 29 (1), Mon 28 substitute, Sun, Sat, Fri 25 Christmas, Thu 24 (2)
    [InlineData(DayCounting.Inclusive, "2026-12-29", 2, "2026-12-24")]
    // wdBack(2026-12-29, 2) exclusive: Mon 28 substitute, Sun, Sat, Fri 25 Christmas, Thu 24 (1), Wed 23 (2)
    [InlineData(DayCounting.Exclusive, "2026-12-29", 2, "2026-12-23")]
    // wdBack(2026-12-27, 1) from a Sunday, either convention: Sat 26, Fri 25 Christmas, Thu 24 (1)
    [InlineData(DayCounting.Inclusive, "2026-12-27", 1, "2026-12-24")]
    [InlineData(DayCounting.Exclusive, "2026-12-27", 1, "2026-12-24")]
    // wdBack(2027-01-04, 10) inclusive (CSC3002's window before a key decision): Mon 4 (1), Fri 1 New Year's Day,
    // Thu 31 (2), Wed 30 (3), Tue 29 (4), Mon 28 substitute, Thu 24 (5), Wed 23 (6), Tue 22 (7), Mon 21 (8), Fri 18 (9), Thu 17 (10)
    [InlineData(DayCounting.Inclusive, "2027-01-04", 10, "2026-12-17")]
    public void WorkingDaysBack_counts_back_with_the_same_convention(DayCounting counting, string x, int n, string expected)
    {
        new DeadlineCalculator(WorkingDayCalendar.Default, counting, AsOf).WorkingDaysBack(Date(x), n).ShouldBe(Date(expected));
    }

    [Fact]
    public void A_count_of_less_than_one_day_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Inclusive().WorkingDays(AsOf, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Inclusive().WorkingDaysBack(AsOf, 0));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")] // no 31 February: clamped to the month's last day
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2026-10-31", 4, "2027-02-28")]
    [InlineData("2026-08-15", 3, "2026-11-15")]
    [InlineData("2026-03-31", -1, "2026-02-28")] // negative months clamp too
    [InlineData("2026-05-31", -6, "2025-11-30")]
    [InlineData("2026-11-30", -12, "2025-11-30")]
    public void Months_keeps_the_day_of_the_month_clamped_to_its_last_day(string x, int n, string expected)
    {
        DeadlineCalculator.Months(Date(x), n).ShouldBe(Date(expected));
    }

    [Fact]
    public void Weeks_and_days_are_plain_calendar_days()
    {
        DeadlineCalculator.Weeks(Date("2026-11-02"), 6).ShouldBe(Date("2026-12-14")); // 2 Nov + 42 days
        DeadlineCalculator.Weeks(Date("2026-12-14"), -6).ShouldBe(Date("2026-11-02"));
        DeadlineCalculator.Days(Date("2026-12-31"), 1).ShouldBe(Date("2027-01-01"));
        DeadlineCalculator.Days(Date("2026-03-01"), -1).ShouldBe(Date("2026-02-28"));
    }

    [Theory]
    [InlineData("2010-06-15", 16, "2026-06-15")]
    [InlineData("2012-02-29", 4, "2016-02-29")] // leap year: the day itself
    [InlineData("2012-02-29", 5, "2017-03-01")] // no 29 February: 1 March, not the 28 February months() would give
    [InlineData("2012-02-29", 18, "2030-03-01")]
    [InlineData("2012-02-29", 0, "2012-02-29")]
    public void Birthday_is_months_of_twelve_times_the_age_except_29_February(string dateOfBirth, int age, string expected)
    {
        DeadlineCalculator.Birthday(Date(dateOfBirth), age).ShouldBe(Date(expected));
    }

    [Theory]
    [InlineData("2010-06-15", "2026-06-14", 15)]
    [InlineData("2010-06-15", "2026-06-15", 16)] // aged 16 on the birthday itself
    [InlineData("2012-02-29", "2016-02-28", 3)]
    [InlineData("2012-02-29", "2016-02-29", 4)]
    [InlineData("2012-02-29", "2017-02-28", 4)] // the 5th birthday is 1 March 2017
    [InlineData("2012-02-29", "2017-03-01", 5)]
    [InlineData("2026-06-15", "2026-06-15", 0)]
    [InlineData("2026-06-15", "2026-06-14", -1)] // before birth
    public void AgeOn_agrees_with_Birthday(string dateOfBirth, string on, int expected)
    {
        DeadlineCalculator.AgeOn(Date(dateOfBirth), Date(on)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-08-31", 6, "2026-02-28")] // months(D, -6), clamped
    [InlineData("2026-11-30", 6, "2026-05-30")]
    public void LookbackStart_is_months_before_the_as_of_date(string asOf, int lookbackMonths, string expected)
    {
        Inclusive(Date(asOf)).LookbackStart(lookbackMonths).ShouldBe(Date(expected));
    }

    [Fact]
    public void A_count_inside_the_calendar_last_year_is_exact()
    {
        // wd(2027-12-24, 3) inclusive: Fri 24 (1), Sat, Sun, Mon 27 and Tue 28 substitutes, Wed 29 (2), Thu 30 (3)
        Inclusive().WorkingDays(Date("2027-12-24"), 3).ShouldBe(Date("2027-12-30"));
    }

    [Theory]
    // wd(2027-12-30, 3) inclusive: Thu 30 (1), Fri 31 (2), then 2028, which the calendar does not hold
    [InlineData(DayCounting.Inclusive, "2027-12-30", 3)]
    // wd(2027-12-31, 1) exclusive: day 1 is in 2028
    [InlineData(DayCounting.Exclusive, "2027-12-31", 1)]
    // a count that starts in 2028
    [InlineData(DayCounting.Inclusive, "2028-03-01", 1)]
    public void A_forward_count_past_the_last_year_after_the_as_of_year_is_beyond_the_calendar(DayCounting counting, string x, int n)
    {
        var calculator = new DeadlineCalculator(WorkingDayCalendar.Default, counting, AsOf);
        calculator.WorkingDays(Date(x), n).ShouldBe(DeadlineCalculator.BeyondCalendar);
        DeadlineCalculator.BeyondCalendar.ShouldBe(DateOnly.MaxValue);
    }

    [Fact]
    public void A_forward_count_past_the_last_year_up_to_the_as_of_year_is_an_error_naming_the_year()
    {
        // D in 2028, a year the calendar should hold but does not: wd(2027-12-30, 3) needs 2028.
        var calculator = Inclusive(Date("2028-06-01"));

        var error = Should.Throw<CalendarYearMissingException>(() => calculator.WorkingDays(Date("2027-12-30"), 3));
        error.Year.ShouldBe(2028);
        error.Message.ShouldContain("2028");
        error.Message.ShouldContain("embedded bank-holidays.json");
    }

    [Fact]
    public void A_forward_count_from_before_the_first_year_is_an_error_naming_the_year()
    {
        Should.Throw<CalendarYearMissingException>(() => Inclusive().WorkingDays(Date("2011-12-30"), 1)).Year.ShouldBe(2011);
    }

    [Fact]
    public void A_backward_count_past_the_first_year_is_an_error_naming_the_year()
    {
        // wdBack(2012-01-03, 1) inclusive: Tue 3 (1), inside the calendar.
        Inclusive().WorkingDaysBack(Date("2012-01-03"), 1).ShouldBe(Date("2012-01-03"));

        // wdBack(2012-01-03, 2) inclusive: Tue 3 (1), Mon 2 substitute New Year's Day, Sun 1, then 2011.
        var error = Should.Throw<CalendarYearMissingException>(() => Inclusive().WorkingDaysBack(Date("2012-01-03"), 2));
        error.Year.ShouldBe(2011);
        error.Message.ShouldContain("2011");
    }

    [Fact]
    public void A_backward_count_from_after_the_last_year_is_an_error_naming_the_year()
    {
        Should.Throw<CalendarYearMissingException>(() => Inclusive().WorkingDaysBack(Date("2028-01-05"), 1)).Year.ShouldBe(2028);
    }

    [Fact]
    public void A_year_missing_inside_the_calendar_is_an_error_up_to_the_as_of_year_and_beyond_the_calendar_after_it()
    {
        // Holidays listed for 2025 and 2027 only: 2026 is not held.
        var calendar = WithBankHolidays("2025-12-25", "2027-01-01");

        // wd(2025-12-31, 2) inclusive: Wed 31 (1), then 1 January 2026.
        var asOfIn2027 = new DeadlineCalculator(calendar, DayCounting.Inclusive, Date("2027-06-01"));
        var error = Should.Throw<CalendarYearMissingException>(() => asOfIn2027.WorkingDays(Date("2025-12-31"), 2));
        error.Year.ShouldBe(2026);
        error.Message.ShouldContain("test-calendar.json");

        var asOfIn2025 = new DeadlineCalculator(calendar, DayCounting.Inclusive, Date("2025-12-01"));
        asOfIn2025.WorkingDays(Date("2025-12-31"), 2).ShouldBe(DeadlineCalculator.BeyondCalendar);

        // wdBack(2027-01-04, 2) inclusive: Mon 4 (1), Sun 3, Sat 2, Fri 1 holiday, then 31 December 2026.
        Should.Throw<CalendarYearMissingException>(() => asOfIn2027.WorkingDaysBack(Date("2027-01-04"), 2)).Year.ShouldBe(2026);
    }
}
