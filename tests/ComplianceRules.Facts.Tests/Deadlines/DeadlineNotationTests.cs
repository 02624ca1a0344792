using ComplianceRules.Facts.Deadlines;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Deadlines;

/// <summary>How a traced deadline is written: the rule catalogue's notation, with the due date it came to.</summary>
public sealed class DeadlineNotationTests
{
    [Fact]
    public void Days_are_written_as_the_catalogue_writes_them() =>
        DeadlineNotation.Days(Date("2026-10-01"), 30, Date("2026-10-31")).ShouldBe("days(2026-10-01, 30) = 2026-10-31");

    [Theory]
    [InlineData(DayCounting.Inclusive, "wd(2026-05-21, 5) = 2026-05-28")]
    [InlineData(DayCounting.Exclusive, "wd(2026-05-21, 5, exclusive) = 2026-05-28")]
    public void A_working_day_count_names_its_counting_only_when_it_is_not_the_default(DayCounting counting, string written) =>
        DeadlineNotation.WorkingDays(counting, Date("2026-05-21"), 5, Date("2026-05-28")).ShouldBe(written);

    [Fact]
    public void A_count_past_the_calendar_says_so_rather_than_printing_the_largest_date() =>
        DeadlineNotation.WorkingDays(DayCounting.Inclusive, Date("2026-12-30"), 5, DeadlineCalculator.BeyondCalendar)
            .ShouldBe("wd(2026-12-30, 5) = after the calendar's last year");

    [Fact]
    public void An_hours_deadline_is_written_to_the_minute() =>
        DeadlineNotation.Hours(new DateTime(2026, 3, 27, 20, 0, 0), 72, new DateTime(2026, 3, 30, 20, 0, 0))
            .ShouldBe("2026-03-27 20:00 + 72 hours = 2026-03-30 20:00");
}
