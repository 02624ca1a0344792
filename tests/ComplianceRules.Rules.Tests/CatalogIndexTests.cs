using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Tests;

/// <summary>The committed catalogue index is exactly what the rules' metadata renders (as Meziantou.Analyzer keeps its docs honest).</summary>
public sealed class CatalogIndexTests
{
    [Fact]
    public void Committed_index_matches_the_rules()
    {
        var committed = File.ReadAllText(Repository.Path("docs", "rules", "README.md")).ReplaceLineEndings("\n");

        committed.ShouldBe(
            CatalogIndex.Render(RuleCatalog.Default),
            "docs/rules/README.md is stale: run `dotnet run --project src/ComplianceRules.Cli -- rules --format markdown > docs/rules/README.md`");
    }

    [Fact]
    public void Index_lists_every_rule_with_its_page()
    {
        var index = CatalogIndex.Render(RuleCatalog.Default);

        foreach (var rule in RuleCatalog.Default.Descriptors)
        {
            index.ShouldContain($"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.Category} |");
        }
    }
}
