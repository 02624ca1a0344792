using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ComplianceRules.Cli.Tests.Sarif;

/// <summary>findings.sarif is valid SARIF 2.1.0, and what viewers rely on holds: rule indexes, locations, fingerprints, suppressions.</summary>
public sealed class SarifTests : IDisposable
{
    private readonly Scratch scratch = new();

    [Fact]
    public async Task Is_valid_against_the_sarif_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Sarif", "sarif-schema-2.1.0.json"));

        schema.Validate(Write()).ShouldBeEmpty();
    }

    [Fact]
    public void Lists_every_rule_and_points_each_result_at_its_rule()
    {
        var run = JObject.Parse(Write())["runs"]![0]!;
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;

        rules.Select(r => (string)r["id"]!).ShouldBe(RuleCatalog.Default.Descriptors.Select(d => d.Id));
        var results = (JArray)run["results"]!;
        results.ShouldNotBeEmpty();
        foreach (var result in results)
        {
            rules[(int)result["ruleIndex"]!]!["id"]!.ToString().ShouldBe((string)result["ruleId"]!);
        }
    }

    [Fact]
    public void Describes_a_rule_with_its_name_help_page_level_and_category()
    {
        var rule = JObject.Parse(Write())["runs"]![0]!["tool"]!["driver"]!["rules"]!.Single(r => (string)r["id"]! == "CSC1001");

        ((string)rule["name"]!).ShouldBe("ChildProtectionVisitOverdue");
        ((string)rule["helpUri"]!).ShouldBe("https://docs.example.org/compliance/docs/rules/CSC1001.md");
        ((string)rule["help"]!["text"]!).ShouldEndWith("Documentation: https://docs.example.org/compliance/docs/rules/CSC1001.md");
        ((string)rule["defaultConfiguration"]!["level"]!).ShouldBe("warning");
        ((string)rule["properties"]!["category"]!).ShouldBe("ChildProtection");
    }

    [Theory]
    [InlineData("Child protection visit overdue", "ChildProtectionVisitOverdue")]
    [InlineData("PLO not considered", "PloNotConsidered")]
    [InlineData("Pre-proceedings beyond 16 weeks", "PreProceedingsBeyond16Weeks")]
    public void Names_a_rule_with_a_pascal_case_identifier(string title, string name) => SarifLog.RuleName(title).ShouldBe(name);

    [Fact]
    public void Locates_a_result_in_its_case_file_and_case_and_marks_its_suppression()
    {
        var result = JObject.Parse(Write())["runs"]![0]!["results"]!.First(r => (string)r["ruleId"]! == "CSC1001");

        var location = result["locations"]![0]!;
        ((string)location["physicalLocation"]!["artifactLocation"]!["uri"]!).ShouldBe("cases/C%231.json");
        ((int)location["physicalLocation"]!["region"]!["startLine"]!).ShouldBeGreaterThan(0);
        ((string)location["logicalLocations"]![0]!["name"]!).ShouldBe("C#1");
        ((string)result["partialFingerprints"]![SarifLog.FingerprintKey]!).Length.ShouldBe(32);
        ((string)result["suppressions"]![0]!["justification"]!).ShouldBe("Child in hospital");
        ((string)result["properties"]!["status"]!).ShouldBe("late");
    }

    /// <summary>Runs the CLI on one case file (whose CSC1001 findings are suppressed) and returns findings.sarif.</summary>
    private string Write()
    {
        scratch.Write("cases/C#1.json", Cases.VisitedLate("C#1"));
        var profile = scratch.Write("profile.json", """
            { "suppressions": [ { "ruleId": "CSC1001", "caseId": "C#1", "justification": "Child in hospital" } ] }
            """);
        Cli.RunIn(scratch.Root, "check", "cases", "--as-of", "2026-03-16", "--profile", profile, "--out", "out", "--format", "sarif",
            "--docs-base-uri", "https://docs.example.org/compliance").ExitCode.ShouldBe(0);

        return scratch.Read("out/findings.sarif");
    }

    public void Dispose() => scratch.Dispose();
}
