using ComplianceRules.Facts.Calendar;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Calendar;

/// <summary>The shipped copy of gov.uk's bank-holidays.json, checked against hand-listed dates.</summary>
public class BankHolidaysFileTests
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Default;

    [Fact]
    public void Covers_2012_to_2027()
    {
        Shipped.FirstYear.ShouldBe(2012);
        Shipped.LastYear.ShouldBe(2027);
        Enumerable.Range(2012, 16).ShouldAllBe(year => Shipped.HoldsYear(year));
    }

    [Theory]
    [InlineData("2012-06-04")] // spring bank holiday moved for the Diamond Jubilee
    [InlineData("2012-06-05")] // Queen's Diamond Jubilee
    [InlineData("2020-05-08")] // early May bank holiday moved to Friday, VE day
    [InlineData("2020-12-28")] // Boxing Day substitute (26th a Saturday)
    [InlineData("2021-12-27")] // Christmas Day substitute
    [InlineData("2021-12-28")] // Boxing Day substitute
    [InlineData("2022-01-03")] // New Year's Day substitute
    [InlineData("2022-06-02")] // spring bank holiday moved for the Platinum Jubilee
    [InlineData("2022-06-03")] // Platinum Jubilee
    [InlineData("2022-09-19")] // State Funeral of Queen Elizabeth II
    [InlineData("2022-12-27")] // Christmas Day substitute (25th a Sunday)
    [InlineData("2023-05-08")] // Coronation of King Charles III
    [InlineData("2024-03-29")] // Good Friday
    [InlineData("2025-04-21")] // Easter Monday
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-04")] // early May
    [InlineData("2026-05-25")] // spring
    [InlineData("2026-08-31")] // summer
    [InlineData("2026-12-25")] // Christmas Day, a Friday
    [InlineData("2026-12-28")] // Boxing Day substitute (26th a Saturday)
    [InlineData("2027-01-01")] // New Year's Day, a Friday
    [InlineData("2027-03-26")] // Good Friday
    [InlineData("2027-12-27")] // Christmas Day substitute (25th a Saturday)
    [InlineData("2027-12-28")] // Boxing Day substitute (26th a Sunday)
    public void Lists_the_bank_holiday(string isoDate)
    {
        Shipped.IsBankHoliday(Date(isoDate)).ShouldBeTrue();
        Shipped.IsWorkingDay(Date(isoDate)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2012-05-28")] // the usual last Monday of May, moved to 4 June in 2012
    [InlineData("2020-05-04")] // the usual first Monday of May, moved to 8 May in 2020
    [InlineData("2022-05-30")] // the usual last Monday of May, moved to 2 June in 2022
    [InlineData("2026-12-24")] // Christmas Eve is a working day
    [InlineData("2026-12-29")]
    [InlineData("2027-12-29")]
    public void A_weekday_that_is_not_a_bank_holiday_is_a_working_day(string isoDate)
    {
        Shipped.IsBankHoliday(Date(isoDate)).ShouldBeFalse();
        Shipped.IsWorkingDay(Date(isoDate)).ShouldBeTrue();
    }

    [Fact]
    public void A_weekend_day_is_not_a_working_day_even_when_no_holiday_is_on_it()
    {
        // 26 December 2026 is a Saturday: Boxing Day moves to Monday 28th, the Saturday is simply a weekend.
        var boxingDay2026 = Date("2026-12-26");
        boxingDay2026.DayOfWeek.ShouldBe(DayOfWeek.Saturday);
        Shipped.IsBankHoliday(boxingDay2026).ShouldBeFalse();
        Shipped.IsWorkingDay(boxingDay2026).ShouldBeFalse();
        Shipped.IsWorkingDay(Date("2026-12-27")).ShouldBeFalse(); // Sunday
    }

    [Theory]
    [InlineData(2012, 9)] // 8 + Diamond Jubilee
    [InlineData(2018, 8)]
    [InlineData(2020, 8)] // VE day replaced early May, it did not add a day
    [InlineData(2022, 10)] // 8 + Platinum Jubilee + State Funeral
    [InlineData(2023, 9)] // 8 + Coronation
    [InlineData(2026, 8)]
    [InlineData(2027, 8)]
    public void Each_year_has_its_number_of_bank_holidays(int year, int expected)
    {
        var days = Enumerable.Range(0, DateOnly.FromDateTime(new DateTime(year, 12, 31)).DayOfYear)
            .Select(offset => new DateOnly(year, 1, 1).AddDays(offset));
        days.Count(Shipped.IsBankHoliday).ShouldBe(expected);
    }
}
