using System.Globalization;
using ComplianceRules.Rules.Catalog;
using Humanizer;

namespace ComplianceRules.Rules.Tests;

public sealed class PhrasesTests
{
    [Theory]
    [InlineData(1, "working day", "1 working day")]
    [InlineData(3, "working day", "3 working days")]
    [InlineData(0, "visit", "0 visits")]
    [InlineData(1, "outstanding action", "1 outstanding action")]
    [InlineData(2, "social worker", "2 social workers")]
    [InlineData(-2, "day", "-2 days")]
    [InlineData(-1, "day", "-1 day")]
    public void Count_says_the_number_and_the_unit_in_the_right_number(int count, string unit, string expected) =>
        Phrases.Count(count, unit).ShouldBe(expected);

    /// <summary>Count spells the catalogue's units itself and keeps Humanizer's inflection of any other once; it must say exactly what ToQuantity says.</summary>
    [Fact]
    public void Count_says_what_Humanizer_says_for_every_unit_the_catalogue_counts_and_others()
    {
        foreach (var unit in Phrases.CatalogueUnits.Concat(["child", "review", "person"]))
        {
            for (var count = -3; count <= 400; count++)
            {
                Phrases.Count(count, unit).ShouldBe(unit.ToQuantity(count), $"{count} {unit}");
            }
        }
    }

    /// <summary>Date puts the parts together itself; it must say exactly what the invariant "d MMM yyyy" says.</summary>
    [Fact]
    public void Date_says_what_the_invariant_d_MMM_yyyy_format_says()
    {
        DateOnly[] starts = [DateOnly.MinValue, new(999, 12, 1), new(2023, 12, 20), DateOnly.MaxValue.AddDays(-41)];
        foreach (var start in starts)
        {
            for (var date = start; date.DayNumber - start.DayNumber <= 40; date = date.AddDays(1))
            {
                Phrases.Date(date).ShouldBe(date.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
            }
        }

        Phrases.Date(new DateOnly(2026, 2, 6)).ShouldBe("6 Feb 2026");
    }
}
