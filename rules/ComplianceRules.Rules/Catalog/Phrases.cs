using System.Collections.Concurrent;
using System.Globalization;
using ComplianceRules.Facts.Deadlines;
using Humanizer;

namespace ComplianceRules.Rules.Catalog;

/// <summary>How findings phrase dates, counts and durations for people ("overdue by 3 working days", "open for 1 year, 2 months").</summary>
public static class Phrases
{
    /// <summary>The invariant culture's "MMM" names, "Jan" to "Dec".</summary>
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    /// <summary>"16 Feb 2026": the invariant "d MMM yyyy", put together directly (most findings phrase two or three dates, and the custom-format parser costs more than the text).</summary>
    public static string Date(DateOnly date)
    {
        date.Deconstruct(out var year, out var month, out var day);
        return string.Create(CultureInfo.InvariantCulture, $"{day} {MonthNames[month - 1]} {year:D4}");
    }

    /// <summary>
    /// The units the catalogue counts, whose plural adds an "s" (a test holds each to what Humanizer
    /// says): known in advance, because a process's first inflection by Humanizer compiles the
    /// regular expressions of its whole vocabulary, about a quarter of a second of CPU.
    /// </summary>
    public static IReadOnlyList<string> CatalogueUnits { get; } =
        ["working day", "day", "month", "year", "hour", "minute", "visit", "action", "outstanding action", "placement", "social worker", "age rule", "finding", "case"];

    /// <summary>Each unit's singular and plural; a unit outside the catalogue's is inflected by Humanizer, once.</summary>
    private static readonly ConcurrentDictionary<string, (string One, string Other)> UnitForms = new(
        CatalogueUnits.Select(unit => KeyValuePair.Create(unit, (unit, unit + "s"))), StringComparer.Ordinal);

    /// <summary>"1 visit", "3 working days": what Humanizer's <c>ToQuantity</c> says.</summary>
    public static string Count(int count, string unit)
    {
        var forms = UnitForms.GetOrAdd(unit, static u => (u.ToQuantity(1, ShowQuantityAs.None), u.ToQuantity(2, ShowQuantityAs.None)));
        // Like Humanizer, −1 takes the singular too.
        return $"{count} {(count is 1 or -1 ? forms.One : forms.Other)}";
    }

    /// <summary>
    /// How long after <paramref name="due"/> the date <paramref name="until"/> is: in working days
    /// (the working days after the due date up to and including <paramref name="until"/>) or in days.
    /// </summary>
    public static string Delay(DeadlineCalculator dates, DateOnly due, DateOnly until, DelayUnit unit) => unit switch
    {
        DelayUnit.WorkingDays => Count(dates.WorkingDaysAfter(due, until), "working day"),
        _ => Count(until.DayNumber - due.DayNumber, "day"),
    };

    /// <summary>"1 year, 2 months", "5 months", "12 days": whole calendar months first, then days.</summary>
    public static string Duration(DateOnly from, DateOnly to)
    {
        var months = 0;
        while (DeadlineCalculator.Months(from, months + 1) <= to)
        {
            months++;
        }

        var days = to.DayNumber - DeadlineCalculator.Months(from, months).DayNumber;
        var parts = new List<string>(3);
        if (months >= 12)
        {
            parts.Add(Count(months / 12, "year"));
        }

        if (months % 12 > 0)
        {
            parts.Add(Count(months % 12, "month"));
        }

        if (parts.Count == 0 || (days > 0 && months < 1))
        {
            parts.Add(Count(days, "day"));
        }

        return string.Join(", ", parts);
    }
}
