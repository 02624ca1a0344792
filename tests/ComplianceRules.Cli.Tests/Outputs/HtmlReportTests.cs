namespace ComplianceRules.Cli.Tests.Outputs;

/// <summary>report.html: self-contained, grouped by rule, and every value from a case file or profile HTML-encoded.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private const string HostileTeam = "<script>alert('team')</script>";
    private const string HostileWorker = "\"><img src=x onerror=alert(1)>";
    private const string HostileJustification = "Child in <b>hospital</b> & \"safe\"";

    private readonly Scratch scratch = new();

    [Fact]
    public void Encodes_hostile_strings_from_case_files_and_the_profile()
    {
        var html = Write();

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>hospital");
        html.ShouldContain("&lt;script&gt;alert(&#39;team&#39;)&lt;/script&gt;");
        html.ShouldContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        html.ShouldContain("Child in &lt;b&gt;hospital&lt;/b&gt; &amp; &quot;safe&quot;");
    }

    [Fact]
    public void Is_self_contained()
    {
        var html = Write();

        html.ShouldContain("<style>");
        html.ShouldNotContain("<link");
        html.ShouldNotContain(" src=\"");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Groups_findings_by_rule_with_a_link_to_the_rules_page()
    {
        var html = Write();

        html.ShouldContain("<h2 id=\"CSC1001\">CSC1001: Child protection visit overdue</h2>");
        html.ShouldContain("href=\"https://compliancerules.local/docs/rules/CSC1001.md\"");
        html.IndexOf("id=\"CSC1001\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"CSC3001\"", StringComparison.Ordinal));
    }

    private string Write()
    {
        scratch.Write("cases/C1.json", Cases.VisitedLate("C1", HostileTeam, HostileWorker));
        var profile = scratch.Write("profile.json", $$"""
            { "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1", "justification": {{Newtonsoft.Json.JsonConvert.ToString(HostileJustification)}} } ] }
            """);
        var output = Path.Combine(scratch.Root, "out");
        Cli.Run("check", Path.Combine(scratch.Root, "cases"), "--as-of", "2026-03-16", "--profile", profile, "--out", output, "--format", "html");
        Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        return scratch.Read("out/report.html");
    }

    public void Dispose() => scratch.Dispose();
}
