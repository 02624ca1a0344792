using ComplianceRules.Harness;

namespace ComplianceRules.Rules.Tests;

/// <summary>Every fixture under fixtures/ is its own test case, so <c>dotnet test</c> and <c>compliance test</c> agree.</summary>
public sealed class FixtureTests
{
    private static readonly FixtureRunner Runner = new();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Fixture.Find([Repository.Path("fixtures")]))
        {
            data.Add(System.IO.Path.GetRelativePath(Repository.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_reports_exactly_what_it_expects(string fixture)
    {
        var outcome = Runner.RunFile(Repository.Path(fixture));

        outcome.Passed.ShouldBeTrue(FixtureReport.Describe(outcome));
    }
}
