using Bogus;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Generator;

/// <summary>
/// Generates synthetic case files (case-file.md) with the proportions of a real caseload
/// (<see cref="CaseMix"/>). Case i depends only on the seed, i and D, so output is byte-identical
/// for a seed and is written one case at a time (a million cases are never held in memory).
/// Every value is made up: ids, dates, teams and worker ids; free text is Bogus lorem.
/// </summary>
public sealed class CaseGenerator
{
    private readonly int seed;
    private readonly Faker faker = new("en");
    private readonly string[] areas;

    public CaseGenerator(int seed, DateOnly asOf)
    {
        this.seed = seed;
        AsOf = asOf;
        faker.Random = new Randomizer(seed);
        // Bogus's made-up place names ("Port Ellaview"), so no team is a real local authority's.
        areas = [.. Enumerable.Range(0, 6).Select(_ => faker.Address.City())];
    }

    /// <summary>D: the generated histories run up to it.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Writes cases 0 to <paramref name="cases"/> − 1, one NDJSON line each.</summary>
    public void Write(TextWriter output, int cases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        for (var index = 0; index < cases; index++)
        {
            var generated = Generate(index);
            CaseFileWriter.WriteLine(output, generated.File, generated.DescriptionOf);
        }
    }

    /// <summary>Case <paramref name="index"/> of the caseload for this seed.</summary>
    public GeneratedCase Generate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // Each case has its own stream of draws, so case i is the same however many come before it.
        faker.Random = new Randomizer(CaseSeed(index));
        return new CaseBuilder(faker, AsOf, $"G{index + 1:D7}", areas).Build();
    }

    /// <summary>A stable mix of the seed and the index (SplitMix64): not HashCode, which differs per process.</summary>
    private int CaseSeed(int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}

/// <summary>One generated case: the case file, what it is about, and its plan actions' made-up descriptions.</summary>
public sealed record GeneratedCase(CaseFile File, CaseKind Kind, IReadOnlyDictionary<PlanAction, string> Descriptions)
{
    public string DescriptionOf(PlanAction action) => Descriptions[action];
}
