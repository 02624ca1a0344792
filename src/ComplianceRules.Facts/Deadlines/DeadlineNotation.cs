using System.Globalization;

namespace ComplianceRules.Facts.Deadlines;

/// <summary>
/// Dates and deadlines written as the rule catalogue writes them (<c>wd(2026-04-02, 5) = 2026-04-10</c>),
/// for the harness's timeline. Rules call it only while tracing: the nightly run formats nothing.
/// </summary>
public static class DeadlineNotation
{
    /// <summary>YYYY-MM-DD, as traces and every output write a date: "O" is that for a DateOnly, and unlike a custom pattern it is not parsed on every call.</summary>
    public static string Iso(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A due date, which a forward working-day count may only know to be after D (<see cref="DeadlineCalculator.BeyondCalendar"/>).</summary>
    public static string Date(DateOnly date) => date == DeadlineCalculator.BeyondCalendar ? "after the calendar's last year" : Iso(date);

    /// <summary>"2026-03-02 18:30": local clock time, as CSC7001 counts hours.</summary>
    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>days(X, n) = due</c>.</summary>
    public static string Days(DateOnly x, int n, DateOnly due) => $"days({Iso(x)}, {n}) = {Date(due)}";

    /// <summary><c>wd(X, N) = due</c>, naming the counting when it is not the default (inclusive).</summary>
    public static string WorkingDays(DayCounting counting, DateOnly x, int n, DateOnly due) =>
        $"wd({Iso(x)}, {n}{(counting == DayCounting.Exclusive ? ", exclusive" : "")}) = {Date(due)}";

    /// <summary><c>X + h hours = due</c>, on the local clock.</summary>
    public static string Hours(DateTime x, int hours, DateTime due) => $"{Time(x)} + {hours} hours = {Time(due)}";
}
