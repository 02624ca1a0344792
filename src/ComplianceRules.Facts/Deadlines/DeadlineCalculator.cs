using ComplianceRules.Facts.Calendar;

namespace ComplianceRules.Facts.Deadlines;

/// <summary>
/// The date functions of the rule catalogue's "Common semantics" (wd, wdBack, months, weeks,
/// days, birthdays, ages), for one run as of one date D.
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>
    /// What a forward working-day count returns when it runs past the calendar's last year into a
    /// year after D's: the deadline is after D, its date unknown. It compares after every real
    /// date, so a chain treats it as not yet due, or met by any event up to D.
    /// </summary>
    public static readonly DateOnly BeyondCalendar = DateOnly.MaxValue;

    private readonly WorkingDayCalendar _calendar;

    public DeadlineCalculator(WorkingDayCalendar calendar, DayCounting counting, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        Counting = counting;
        AsOf = asOf;
    }

    public DayCounting Counting { get; }

    /// <summary>The as-of date D.</summary>
    public DateOnly AsOf { get; }

    /// <summary>
    /// wd(X, N): the N-th working day counted from X. Returns <see cref="BeyondCalendar"/> when the
    /// count reaches a year after D's that the calendar does not hold; throws
    /// <see cref="CalendarYearMissingException"/> when it needs a missing year up to D's.
    /// </summary>
    public DateOnly WorkingDays(DateOnly x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var startDay = Counting == DayCounting.Inclusive ? x.DayNumber : x.DayNumber + 1;
        if (_calendar.TryCountForward(startDay, n, out var deadline, out var missingYear))
        {
            return deadline;
        }

        // Every day of that year is after D, so the count ends after D: all a rule needs to know.
        return missingYear > AsOf.Year ? BeyondCalendar : throw _calendar.YearMissing(missingYear);
    }

    /// <summary>
    /// wdBack(X, N): the N-th working day counted back from X. Any year the count needs and the
    /// calendar does not hold is a <see cref="CalendarYearMissingException"/>.
    /// </summary>
    public DateOnly WorkingDaysBack(DateOnly x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var startDay = Counting == DayCounting.Inclusive ? x.DayNumber : x.DayNumber - 1;
        return _calendar.TryCountBack(startDay, n, out var day, out var missingYear)
            ? day
            : throw _calendar.YearMissing(missingYear);
    }

    /// <summary>
    /// How many working days lie after <paramref name="due"/> up to and including
    /// <paramref name="until"/>: "overdue by 3 working days" (due Fri 27 Feb, D Wed 4 Mar → 2, 3, 4 Mar).
    /// </summary>
    public int WorkingDaysAfter(DateOnly due, DateOnly until)
    {
        var count = 0;
        for (var day = due.AddDays(1); day <= until; day = day.AddDays(1))
        {
            if (_calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>months(X, n): the same day of the month n months later (n may be negative), clamped to the month's last day.</summary>
    public static DateOnly Months(DateOnly x, int n) => x.AddMonths(n);

    /// <summary>weeks(X, n) = X + 7n days.</summary>
    public static DateOnly Weeks(DateOnly x, int n) => x.AddDays(7 * n);

    /// <summary>days(X, n) = X + n days.</summary>
    public static DateOnly Days(DateOnly x, int n) => x.AddDays(n);

    /// <summary>
    /// The birthday at <paramref name="age"/>: months(dateOfBirth, 12·age), except that a
    /// 29 February birthday falls on 1 March in a year without 29 February.
    /// </summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int age)
    {
        var birthday = Months(dateOfBirth, 12 * age);
        var clampedFromLeapDay = dateOfBirth is { Month: 2, Day: 29 } && birthday.Day == 28;
        return clampedFromLeapDay ? birthday.AddDays(1) : birthday;
    }

    /// <summary>
    /// The age on a date: the largest n whose <see cref="Birthday"/> is on or before it (so a child
    /// is aged n or more on X when X is on or after that birthday). Negative before the date of birth.
    /// </summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return Birthday(dateOfBirth, age) <= on ? age : age - 1;
    }

    /// <summary>The first day "within the lookback": months(D, −lookbackMonths).</summary>
    public DateOnly LookbackStart(int lookbackMonths) => Months(AsOf, -lookbackMonths);
}
