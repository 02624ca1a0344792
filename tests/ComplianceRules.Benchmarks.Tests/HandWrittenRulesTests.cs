using ComplianceRules.Benchmarks;
using ComplianceRules.Benchmarks.Floor;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Benchmarks.Tests;

/// <summary>The floor of bench/run.sh compares like with like: the hand-written rules find exactly what the engine's CSC1001, CSC2001 and CSC3001 find.</summary>
public sealed class HandWrittenRulesTests
{
    private static readonly EngineRules Engine = new();

    [Fact]
    public void Agree_with_the_engine_on_generated_cases()
    {
        var cases = BenchCases.Generate(3000);

        var found = AssertAgree(cases);

        // Generated caseloads exercise all three rules, so agreeing is not agreeing on nothing.
        found.Keys.Order().ShouldBe(["CSC1001", "CSC2001", "CSC3001"]);
        found["CSC1001"].ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Agree_with_the_engine_on_the_shipped_sample()
    {
        // The README's demo date for fixtures/sample.
        var cases = BenchCases.Read(Path.Combine(RepositoryRoot(), "fixtures", "sample"), new DateOnly(2026, 11, 20), int.MaxValue);

        var found = AssertAgree(cases);

        found.ShouldContainKey("CSC1001");
        found.ShouldContainKey("CSC2001");
    }

    /// <summary>Asserts both sides give the same findings, field by field (as JSON), case by case; returns the count per rule.</summary>
    private static Dictionary<string, int> AssertAgree(IReadOnlyList<CaseAsOf> cases)
    {
        var perRule = new Dictionary<string, int>();
        foreach (var @case in cases)
        {
            var engine = Engine.Evaluate(@case);
            Comparable(HandWrittenRules.Evaluate(@case)).ShouldBe(Comparable(engine), $"case {@case.CaseId}");
            foreach (var finding in engine)
            {
                perRule[finding.RuleId] = perRule.GetValueOrDefault(finding.RuleId) + 1;
            }
        }

        return perRule;
    }

    /// <summary>Each finding as JSON (every field: ids, status, dates, message, arguments, evidence, team, worker, line), in a fixed order.</summary>
    private static List<string> Comparable(IEnumerable<RuleFinding> findings) =>
        [.. findings.Select(f => JsonConvert.SerializeObject(f)).Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ComplianceRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("No ComplianceRules.sln above the test's folder.");
    }
}
