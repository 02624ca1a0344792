using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Generator;

namespace ComplianceRules.Generator.Tests;

/// <summary>A generated caseload written as NDJSON and read back by the project's reader, shared by the tests of one class.</summary>
public sealed class GeneratedCaseload
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public const int Seed = 20261120;

    public const int Cases = 2000;

    public GeneratedCaseload()
    {
        Ndjson = Generate(Seed, Cases);
        Read = [.. new CaseFileReader().Read(new StringReader(Ndjson), "generated.ndjson")];
    }

    public string Ndjson { get; }

    public IReadOnlyList<CaseReadResult> Read { get; }

    public IEnumerable<CaseFile> Files => Read.OfType<ReadCase>().Select(r => r.Case);

    public static string Generate(int seed, int cases, DateOnly? asOf = null)
    {
        var output = new StringWriter();
        new CaseGenerator(seed, asOf ?? AsOf).Write(output, cases);
        return output.ToString();
    }
}
