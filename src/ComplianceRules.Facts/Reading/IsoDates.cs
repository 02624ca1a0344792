namespace ComplianceRules.Facts.Reading;

/// <summary>
/// The strict date forms of case-file.md: <c>YYYY-MM-DD</c>, and where allowed
/// <c>YYYY-MM-DDThh:mm</c> or <c>YYYY-MM-DDThh:mm:ss</c> (local UK time). Hand-parsed because
/// the framework's parsers accept more forms than the contract does, and this runs for every date.
/// </summary>
internal static class IsoDates
{
    public const string DateForm = "a date (YYYY-MM-DD)";
    public const string DateTimeForm = "a date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm)";

    /// <summary>Null when <paramref name="text"/> is a real date, else what is wrong with it.</summary>
    public static string? TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (!HasDateForm(text))
            return $"is not {DateForm}";
        return TryMakeDate(text, out date) ? null : "is not a real calendar date";
    }

    /// <summary>Null when <paramref name="text"/> is a real date or date-time, else what is wrong with it.</summary>
    public static string? TryParseDateTime(string text, out DateTime dateTime)
    {
        dateTime = default;
        var hasTime = text.Length is 16 or 19;
        if (!HasDateForm(text.AsSpan(0, Math.Min(text.Length, 10)))
            || (text.Length != 10 && !(hasTime && HasTimeForm(text.AsSpan(10)))))
            return $"is not {DateTimeForm}";
        if (!TryMakeDate(text, out var date))
            return "is not a real calendar date";
        if (!hasTime)
        {
            dateTime = date.ToDateTime(TimeOnly.MinValue);
            return null;
        }
        int hour = Number(text, 11, 2), minute = Number(text, 14, 2), second = text.Length == 19 ? Number(text, 17, 2) : 0;
        if (hour > 23 || minute > 59 || second > 59)
            return "is not a real time of day";
        dateTime = date.ToDateTime(new TimeOnly(hour, minute, second));
        return null;
    }

    private static bool HasDateForm(ReadOnlySpan<char> s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-'
        && AllDigits(s[..4]) && AllDigits(s.Slice(5, 2)) && AllDigits(s.Slice(8, 2));

    /// <summary><c>Thh:mm</c> or <c>Thh:mm:ss</c>.</summary>
    private static bool HasTimeForm(ReadOnlySpan<char> s) =>
        s[0] == 'T' && s[3] == ':' && AllDigits(s.Slice(1, 2)) && AllDigits(s.Slice(4, 2))
        && (s.Length == 6 || (s[6] == ':' && AllDigits(s.Slice(7, 2))));

    private static bool TryMakeDate(string text, out DateOnly date)
    {
        int year = Number(text, 0, 4), month = Number(text, 5, 2), day = Number(text, 8, 2);
        var real = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = real ? new DateOnly(year, month, day) : default;
        return real;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c))
                return false;
        return true;
    }

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
            value = value * 10 + (text[i] - '0');
        return value;
    }
}
