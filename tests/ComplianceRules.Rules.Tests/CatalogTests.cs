using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>
/// Every rule is a complete diagnostic: a unique ID, a title, a description, a source, a
/// documentation page its help link resolves to, and at least one fixture (as StyleCop checks its rules).
/// </summary>
public sealed class CatalogTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.Default.Descriptors)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        var ids = RuleCatalog.Default.Descriptors.Select(d => d.Id).ToArray();

        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^CSC[0-9]{4}$"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_described(string id)
    {
        var rule = RuleCatalog.Default.Find(id)!;

        rule.Title.ShouldNotBeNullOrWhiteSpace();
        rule.Description.ShouldNotBeNullOrWhiteSpace();
        rule.Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_documentation_page_its_help_link_resolves_to(string id)
    {
        var rule = RuleCatalog.Default.Find(id)!;
        var page = Repository.Path(rule.HelpPath);

        File.Exists(page).ShouldBeTrue($"{rule.HelpPath} is missing");
        var text = File.ReadAllText(page);
        text.ShouldStartWith($"# {id}: {rule.Title}");
        foreach (var parameter in rule.Parameters)
        {
            text.ShouldContain($"`{parameter.Name}`", customMessage: $"{rule.HelpPath} does not document parameter {parameter.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_fixtures(string id)
    {
        var folder = Repository.Path("fixtures", id);

        Directory.Exists(folder).ShouldBeTrue($"fixtures/{id}/ is missing");
        Harness.Fixture.Find([folder]).ShouldNotBeEmpty();
    }
}
