namespace ComplianceRules.Facts.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, minus the bank holidays of a gov.uk
/// <c>bank-holidays.json</c> file. A year "held" by the calendar is one the file lists at least
/// one bank holiday for; asking about any other year is a <see cref="CalendarYearMissingException"/>,
/// never a guess.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string EmbeddedResourceName = "bank-holidays.json";

    private static readonly Lazy<WorkingDayCalendar> EmbeddedCalendar = new(LoadEmbedded);

    // Per-day tables over 1 January of FirstYear to 31 December of LastYear, precomputed because
    // rules count millions of deadlines: a count is two array reads, not a walk over the days.
    private readonly int _firstDayNumber;
    private readonly int _lastDayNumber;
    private readonly bool[] _bankHolidays;
    private readonly int[] _workingDaysBefore;
    private readonly int[] _workingDayNumbers;
    private readonly bool[] _heldYears;

    private WorkingDayCalendar(IReadOnlyCollection<DateOnly> bankHolidays, string source)
    {
        Source = source;
        FirstYear = bankHolidays.Min().Year;
        LastYear = bankHolidays.Max().Year;
        _firstDayNumber = new DateOnly(FirstYear, 1, 1).DayNumber;
        _lastDayNumber = new DateOnly(LastYear, 12, 31).DayNumber;

        var dayCount = _lastDayNumber - _firstDayNumber + 1;
        _bankHolidays = new bool[dayCount];
        _heldYears = new bool[LastYear - FirstYear + 1];
        foreach (var holiday in bankHolidays)
        {
            _bankHolidays[holiday.DayNumber - _firstDayNumber] = true;
            _heldYears[holiday.Year - FirstYear] = true;
        }

        _workingDaysBefore = new int[dayCount + 1];
        var workingDayNumbers = new List<int>(dayCount);
        for (var offset = 0; offset < dayCount; offset++)
        {
            var isWorkingDay = !IsWeekend(DateOnly.FromDayNumber(_firstDayNumber + offset)) && !_bankHolidays[offset];
            if (isWorkingDay)
            {
                workingDayNumbers.Add(_firstDayNumber + offset);
            }

            _workingDaysBefore[offset + 1] = _workingDaysBefore[offset] + (isWorkingDay ? 1 : 0);
        }

        _workingDayNumbers = [.. workingDayNumbers];
    }

    /// <summary>The copy of gov.uk's file shipped with the project, loaded once.</summary>
    public static WorkingDayCalendar Default => EmbeddedCalendar.Value;

    /// <summary>Where the calendar came from (a path, or the embedded copy); errors name it.</summary>
    public string Source { get; }

    /// <summary>The earliest year among the file's bank holidays.</summary>
    public int FirstYear { get; }

    /// <summary>The latest year among the file's bank holidays.</summary>
    public int LastYear { get; }

    /// <summary>Reads a gov.uk <c>bank-holidays.json</c> file; a bad file is a <see cref="CalendarException"/> naming the path.</summary>
    public static WorkingDayCalendar Load(string path)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CalendarException($"The bank holiday calendar {path} cannot be read: {exception.Message}", exception);
        }

        using (reader)
        {
            return Parse(reader, path);
        }
    }

    /// <summary>Reads gov.uk's <c>bank-holidays.json</c> format; <paramref name="sourceName"/> is what errors call it.</summary>
    public static WorkingDayCalendar Parse(TextReader reader, string sourceName) =>
        new(BankHolidayFile.ReadDates(reader, sourceName), sourceName);

    public bool HoldsYear(int year) => year >= FirstYear && year <= LastYear && _heldYears[year - FirstYear];

    /// <summary>Throws <see cref="CalendarYearMissingException"/> unless the calendar holds the as-of date's year (a start-up check).</summary>
    public void EnsureCovers(DateOnly asOf)
    {
        if (!HoldsYear(asOf.Year))
        {
            throw YearMissing(asOf.Year);
        }
    }

    public bool IsBankHoliday(DateOnly date) => _bankHolidays[HeldDayOffset(date)];

    /// <summary>Monday to Friday and not a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var offset = HeldDayOffset(date);
        return _workingDaysBefore[offset + 1] > _workingDaysBefore[offset];
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day counting forward, day 1 being the first working day
    /// on or after <paramref name="startDay"/> (a <see cref="DateOnly.DayNumber"/>). False, with the
    /// first year the count reaches that the calendar does not hold, when there is one.
    /// </summary>
    internal bool TryCountForward(int startDay, int n, out DateOnly result, out int missingYear)
    {
        result = default;
        if (startDay < _firstDayNumber || startDay > _lastDayNumber)
        {
            missingYear = YearOfDay(startDay);
            return false;
        }

        var ordinal = _workingDaysBefore[startDay - _firstDayNumber] + n - 1;
        var endYear = ordinal < _workingDayNumbers.Length ? YearOfDay(_workingDayNumbers[ordinal]) : LastYear + 1;
        if (FirstYearNotHeld(YearOfDay(startDay), endYear) is { } year)
        {
            missingYear = year;
            return false;
        }

        missingYear = 0;
        result = DateOnly.FromDayNumber(_workingDayNumbers[ordinal]);
        return true;
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day counting back, day 1 being the first working day
    /// on or before <paramref name="startDay"/> (a <see cref="DateOnly.DayNumber"/>). False, with
    /// the first year (going back) the count reaches that the calendar does not hold, when there is one.
    /// </summary>
    internal bool TryCountBack(int startDay, int n, out DateOnly result, out int missingYear)
    {
        result = default;
        if (startDay < _firstDayNumber || startDay > _lastDayNumber)
        {
            missingYear = YearOfDay(startDay);
            return false;
        }

        var ordinal = _workingDaysBefore[startDay - _firstDayNumber + 1] - n;
        var endYear = ordinal >= 0 ? YearOfDay(_workingDayNumbers[ordinal]) : FirstYear - 1;
        if (LastYearNotHeld(endYear, YearOfDay(startDay)) is { } year)
        {
            missingYear = year;
            return false;
        }

        missingYear = 0;
        result = DateOnly.FromDayNumber(_workingDayNumbers[ordinal]);
        return true;
    }

    internal CalendarYearMissingException YearMissing(int year) => new(year, Source, FirstYear, LastYear);

    private static WorkingDayCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        using var stream = assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new CalendarException($"The embedded resource {EmbeddedResourceName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader, $"embedded {EmbeddedResourceName}");
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Day numbers just outside DateOnly's range still get a year, so an error can name it.
    private static int YearOfDay(int dayNumber) =>
        dayNumber < DateOnly.MinValue.DayNumber ? DateOnly.MinValue.Year - 1
        : dayNumber > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue.Year + 1
        : DateOnly.FromDayNumber(dayNumber).Year;

    private int? FirstYearNotHeld(int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            if (!HoldsYear(year))
            {
                return year;
            }
        }

        return null;
    }

    private int? LastYearNotHeld(int fromYear, int toYear)
    {
        for (var year = toYear; year >= fromYear; year--)
        {
            if (!HoldsYear(year))
            {
                return year;
            }
        }

        return null;
    }

    private int HeldDayOffset(DateOnly date)
    {
        if (!HoldsYear(date.Year))
        {
            throw YearMissing(date.Year);
        }

        return date.DayNumber - _firstDayNumber;
    }
}
