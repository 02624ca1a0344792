using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Generator;

namespace ComplianceRules.Benchmarks;

/// <summary>Cases for the benchmarks, read by the project's reader and viewed as of D, as the check evaluates them.</summary>
public static class BenchCases
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static DeadlineCalculator Dates(DateOnly asOf) => new(WorkingDayCalendar.Default, DayCounting.Inclusive, asOf);

    /// <summary>The first <paramref name="limit"/> readable cases of a case file (or directory), as of <paramref name="asOf"/>.</summary>
    public static List<CaseAsOf> Read(string path, DateOnly asOf, int limit)
    {
        var dates = Dates(asOf);
        return [.. new CaseFileReader().Read(path).OfType<ReadCase>().Take(limit).Select(read => new CaseAsOf(read.Case, dates, lookbackMonths: 6))];
    }

    /// <summary><paramref name="count"/> generated cases (seed 1), through the reader as a file would be.</summary>
    public static List<CaseAsOf> Generate(int count)
    {
        var ndjson = new StringWriter();
        new CaseGenerator(seed: 1, AsOf).Write(ndjson, count);
        var dates = Dates(AsOf);
        return [.. new CaseFileReader().Read(new StringReader(ndjson.ToString()), "generated.ndjson")
            .OfType<ReadCase>()
            .Select(read => new CaseAsOf(read.Case, dates, lookbackMonths: 6))];
    }
}
