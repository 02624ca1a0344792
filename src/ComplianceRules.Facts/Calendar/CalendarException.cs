namespace ComplianceRules.Facts.Calendar;

/// <summary>A bank holiday calendar could not be read, or it cannot answer a question.</summary>
public class CalendarException : Exception
{
    public CalendarException(string message)
        : base(message)
    {
    }

    public CalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A count or a question needs a year the calendar does not hold. The contract forbids
/// guessing the working days of such a year, so this is an error that names it.
/// </summary>
public sealed class CalendarYearMissingException : CalendarException
{
    public CalendarYearMissingException(int year, string calendarSource, int firstYear, int lastYear)
        : base($"The bank holiday calendar {calendarSource} holds no bank holidays for {year} " +
               $"(it covers {firstYear} to {lastYear}); working days in {year} cannot be counted. " +
               "Use a newer gov.uk bank-holidays.json.")
    {
        Year = year;
        CalendarSource = calendarSource;
    }

    public int Year { get; }

    public string CalendarSource { get; }
}
