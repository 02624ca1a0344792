using System.Net;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Outputs;

/// <summary>
/// report.html: one self-contained page for the auditor (inline CSS, no scripts, nothing
/// fetched). The summary by severity, rule and team comes first, then the findings grouped by
/// rule. Every value from a case file is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
        th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.date { white-space: nowrap; }
        .summary { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
        .severity { font-weight: bold; padding: 0.1rem 0.4rem; border-radius: 0.2rem; }
        .error { background: #d4351c; color: #fff; } .warning { background: #ffdd00; } .info { background: #d2e2f1; }
        tr.suppressed td { color: #6f777b; }
        p.meta { color: #505a5f; }
        """;

    /// <summary>
    /// Writes the page. The findings are read once, front to back; each rule's rows go to a
    /// scratch file in <paramref name="scratchDirectory"/> (owner-only, deleted on close) so a
    /// large run is grouped by rule without holding its findings in memory.
    /// </summary>
    public static void Write(TextWriter output, CheckReport report, RuleCatalog catalog, Uri docsBase, string scratchDirectory)
    {
        var sections = new Dictionary<string, ScratchText>(StringComparer.Ordinal);
        var byTeam = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            foreach (var finding in report.Findings)
            {
                var ruleId = finding.Result.RuleId;
                if (!sections.TryGetValue(ruleId, out var section))
                {
                    section = sections[ruleId] = new ScratchText(scratchDirectory);
                }

                WriteRow(section.Writer, finding);
                var team = finding.Result.Team ?? "(no team)";
                byTeam[team] = byTeam.GetValueOrDefault(team) + 1;
            }

            WriteHead(output, report);
            WriteSummary(output, report.Summary, byTeam, catalog);
            foreach (var rule in catalog.Descriptors.Where(r => sections.ContainsKey(r.Id)))
            {
                WriteSection(output, rule, report.Summary.ByRule[rule.Id], docsBase, sections[rule.Id]);
            }

            output.Write("</body>\n</html>\n");
        }
        finally
        {
            foreach (var section in sections.Values)
            {
                section.Dispose();
            }
        }
    }

    private static void WriteHead(TextWriter output, CheckReport report)
    {
        output.Write("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write($"<title>Compliance findings as of {Json.Date(report.AsOf)}</title>\n");
        output.Write($"<style>\n{Style}\n</style>\n</head>\n<body>\n");
        output.Write($"<h1>Compliance findings as of {Json.Date(report.AsOf)}</h1>\n");
        var profile = report.Profile.Origin is { } origin ? $"profile {Encode(origin.Path)} (SHA-256 {origin.Sha256[..12]}…)" : "the shipped default profile";
        output.Write($"<p class=\"meta\">{Encode(ToolInfo.Name)} {Encode(ToolInfo.Version)}, {profile}.</p>\n");
    }

    private static void WriteSummary(TextWriter output, Summary summary, IReadOnlyDictionary<string, int> byTeam, RuleCatalog catalog)
    {
        output.Write("<h2>Summary</h2>\n");
        output.Write($"<p>{Phrases.Count(summary.CasesRead, "case")} read: {summary.CasesEvaluated} evaluated, {summary.CasesRejected} could not be read. ");
        output.Write($"{Phrases.Count(summary.Findings, "finding")}, {summary.Suppressed} of them suppressed.</p>\n<div class=\"summary\">\n");
        WriteCounts(output, "Severity", summary.BySeverity.Select(s => (Severity(s.Key), s.Value)));
        WriteCounts(output, "Rule", summary.ByRule.Select(r =>
            ($"<a href=\"#{Encode(r.Key)}\">{Encode(r.Key)}</a> {Encode(catalog.Find(r.Key)?.Title ?? "")}", r.Value)));
        WriteCounts(output, "Team", byTeam.Select(t => (Encode(t.Key), t.Value)));
        output.Write("</div>\n");
    }

    /// <param name="rows">Label cells already HTML-encoded.</param>
    private static void WriteCounts(TextWriter output, string heading, IEnumerable<(string Label, int Count)> rows)
    {
        output.Write($"<table>\n<tr><th>{heading}</th><th>Findings</th></tr>\n");
        foreach (var (label, count) in rows)
        {
            output.Write($"<tr><td>{label}</td><td>{count}</td></tr>\n");
        }

        output.Write("</table>\n");
    }

    private static void WriteSection(TextWriter output, RuleDescriptor rule, int count, Uri docsBase, ScratchText rows)
    {
        output.Write($"<h2 id=\"{Encode(rule.Id)}\">{Encode(rule.Id)}: {Encode(rule.Title)}</h2>\n");
        output.Write($"<p>{rule.Category}, default severity {Severity(rule.DefaultSeverity)}; {Phrases.Count(count, "finding")}. ");
        output.Write($"<a href=\"{Encode(SarifLog.HelpUri(docsBase, rule).AbsoluteUri)}\">What the rule checks</a></p>\n");
        output.Write("<table>\n<tr><th>Case</th><th>Subject</th><th>Severity</th><th>Status</th><th>Due</th><th>Message</th><th>Team</th><th>Worker</th><th>Suppression</th></tr>\n");
        rows.CopyTo(output);
        output.Write("</table>\n");
    }

    private static void WriteRow(TextWriter output, Finding finding)
    {
        var result = finding.Result;
        output.Write(finding.IsSuppressed ? "<tr class=\"suppressed\">" : "<tr>");
        Cell(output, result.CaseId);
        Cell(output, result.SubjectId);
        output.Write($"<td>{Severity(finding.Severity)}</td>");
        Cell(output, Json.Name(result.Status));
        output.Write($"<td class=\"date\">{(result.DueDate is { } due ? Json.Date(due) : "")}</td>");
        Cell(output, result.Message);
        Cell(output, result.Team);
        Cell(output, result.WorkerId);
        Cell(output, finding.Suppression is { } suppression ? Describe(suppression) : null);
        output.Write("</tr>\n");
    }

    private static string Describe(AppliedSuppression suppression)
    {
        var entry = suppression.Entry;
        var state = suppression.Expired ? "expired" : "suppressed";
        var approved = entry.ApprovedBy is null ? "" : $", approved by {entry.ApprovedBy}";
        var expires = entry.Expires is { } date ? $", until {Json.Date(date)}" : "";
        return $"{state}: {entry.Justification}{approved}{expires}";
    }

    private static void Cell(TextWriter output, string? text) => output.Write($"<td>{Encode(text ?? "")}</td>");

    private static string Severity(Severity severity)
    {
        var name = Json.Name(severity);
        return $"<span class=\"severity {name}\">{name}</span>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An owner-only scratch file, deleted when disposed, that text is written to and then copied out of.</summary>
    private sealed class ScratchText : IDisposable
    {
        private readonly FileStream stream;

        public ScratchText(string directory)
        {
            OwnerOnlyFile.EnsureDirectory(directory);
            stream = OwnerOnlyFile.CreateNew(Path.Combine(directory, $".report.{Guid.NewGuid():N}.tmp"), FileAccess.ReadWrite, FileOptions.DeleteOnClose);
            Writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        }

        public StreamWriter Writer { get; }

        public void CopyTo(TextWriter output)
        {
            Writer.Flush();
            stream.Position = 0;
            using var reader = new StreamReader(stream, leaveOpen: true);
            var buffer = new char[1 << 14];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }

        public void Dispose()
        {
            Writer.Dispose();
            stream.Dispose();
        }
    }
}
