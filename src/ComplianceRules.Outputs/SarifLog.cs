using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>
/// findings.sarif: the findings as SARIF 2.1.0, for viewers and code-scanning tools. Every
/// catalogue rule is in <c>tool.driver.rules</c> (results point at it by <c>ruleIndex</c>); a
/// result's location is its case file, relative to the folder the check ran in
/// (<c>%SRCROOT%</c>); its fingerprint is findings.json's, under a versioned key.
/// </summary>
public static class SarifLog
{
    public const string FileName = "findings.sarif";
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "complianceRules/v1";
    private const string SourceRoot = "%SRCROOT%";

    /// <param name="docsBase">Where the repository's docs/ folder is published: rule help links resolve against it.</param>
    /// <param name="sourceRoot">The folder case-file paths are made relative to.</param>
    public static void Write(TextWriter output, CheckReport report, RuleCatalog catalog, Uri docsBase, string sourceRoot)
    {
        var ruleIndex = catalog.Descriptors.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        Json.Property(json, "$schema", SchemaUri);
        Json.Property(json, "version", "2.1.0");
        json.WritePropertyName("runs");
        json.WriteStartArray();
        json.WriteStartObject();
        WriteTool(json, catalog, docsBase);
        WriteInvocation(json, report);
        json.WritePropertyName("originalUriBaseIds");
        json.WriteStartObject();
        json.WritePropertyName(SourceRoot);
        json.WriteStartObject();
        Json.Property(json, "uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot)) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WritePropertyName("results");
        json.WriteStartArray();
        foreach (var finding in report.Findings)
        {
            WriteResult(json, finding, ruleIndex[finding.Result.RuleId], sourceRoot);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    /// <summary>SARIF's levels: <c>info</c> is <c>note</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>
    /// "Child protection visit overdue" → "ChildProtectionVisitOverdue", SARIF's rule name. An
    /// acronym is one word ("PLO not considered" → "PloNotConsidered"): SARIF asks for a
    /// Pascal-case identifier (the SARIF Multitool's rule SARIF2012).
    /// </summary>
    public static string RuleName(string title) => string.Concat(
        title.Split([' ', '-', '/', '(', ')', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + (word.All(char.IsUpper) ? word[1..].ToLowerInvariant() : word[1..])));

    /// <summary>A rule's documentation page under <paramref name="docsBase"/>.</summary>
    public static Uri HelpUri(Uri docsBase, RuleDescriptor rule) => new(docsBase, rule.HelpPath);

    private static void WriteTool(JsonWriter json, RuleCatalog catalog, Uri docsBase)
    {
        json.WritePropertyName("tool");
        json.WriteStartObject();
        json.WritePropertyName("driver");
        json.WriteStartObject();
        Json.Property(json, "name", ToolInfo.Name);
        Json.Property(json, "version", ToolInfo.Version);
        Json.Property(json, "semanticVersion", ToolInfo.Version);
        Json.Property(json, "informationUri", new Uri(docsBase, "docs/rules/README.md").AbsoluteUri);
        json.WritePropertyName("rules");
        json.WriteStartArray();
        foreach (var rule in catalog.Descriptors)
        {
            json.WriteStartObject();
            Json.Property(json, "id", rule.Id);
            Json.Property(json, "name", RuleName(rule.Title));
            WriteMessage(json, "shortDescription", rule.Title);
            var description = string.IsNullOrEmpty(rule.Description) ? rule.Title : rule.Description;
            WriteMessage(json, "fullDescription", description);
            var helpUri = HelpUri(docsBase, rule).AbsoluteUri;
            Json.Property(json, "helpUri", helpUri);

            // GitHub code scanning requires `help` (the Multitool's rule GH2012); it points at the page.
            WriteMessage(json, "help", $"{description} Documentation: {helpUri}");
            json.WritePropertyName("defaultConfiguration");
            json.WriteStartObject();
            Json.Property(json, "level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WritePropertyName("properties");
            json.WriteStartObject();
            Json.Property(json, "category", rule.Category.ToString());
            Json.Property(json, "source", rule.Source);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(JsonWriter json, CheckReport report)
    {
        json.WritePropertyName("invocations");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("executionSuccessful");
        json.WriteValue(true);
        json.WritePropertyName("properties");
        json.WriteStartObject();
        Json.Property(json, "asOf", Json.Date(report.AsOf));
        Json.Property(json, "profile", report.Profile.Origin?.Path);
        Json.Property(json, "profileSha256", report.Profile.Origin?.Sha256);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(JsonWriter json, Finding finding, int ruleIndex, string sourceRoot)
    {
        var result = finding.Result;
        json.WriteStartObject();
        Json.Property(json, "ruleId", result.RuleId);
        json.WritePropertyName("ruleIndex");
        json.WriteValue(ruleIndex);
        Json.Property(json, "level", Level(finding.Severity));
        WriteMessage(json, "message", result.Message);
        WriteLocation(json, result, sourceRoot);
        json.WritePropertyName("partialFingerprints");
        json.WriteStartObject();
        Json.Property(json, FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();

        // An empty array says "not suppressed"; an expired suppression no longer suppresses.
        json.WritePropertyName("suppressions");
        json.WriteStartArray();
        if (finding.IsSuppressed)
        {
            json.WriteStartObject();
            Json.Property(json, "kind", "external");
            Json.Property(json, "status", "accepted");
            Json.Property(json, "justification", finding.Suppression!.Entry.Justification);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("properties");
        json.WriteStartObject();
        Json.Property(json, "category", finding.Category.ToString());
        Json.Property(json, "status", Json.Name(result.Status));
        Json.Property(json, "dueDate", result.DueDate is { } due ? Json.Date(due) : null);
        Json.Property(json, "metOn", result.MetOn is { } met ? Json.Date(met) : null);
        Json.Property(json, "subjectId", result.SubjectId);
        Json.Property(json, "team", result.Team);
        Json.Property(json, "workerId", result.WorkerId);
        Json.Property(json, "suppressionState", finding.Suppression is { } suppression ? (suppression.Expired ? "expired" : "active") : null);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The case file (and line, where known) for viewers, and the case as a logical location.</summary>
    private static void WriteLocation(JsonWriter json, RuleFinding result, string sourceRoot)
    {
        var file = result.Source?.File ?? result.File;
        var line = result.Source?.Line ?? result.Line;
        if (file is null && result.CaseId is null)
        {
            return;
        }

        json.WritePropertyName("locations");
        json.WriteStartArray();
        json.WriteStartObject();
        if (file is not null)
        {
            json.WritePropertyName("physicalLocation");
            json.WriteStartObject();
            json.WritePropertyName("artifactLocation");
            json.WriteStartObject();
            Json.Property(json, "uri", RelativeUri(file, sourceRoot));
            Json.Property(json, "uriBaseId", SourceRoot);
            json.WriteEndObject();
            if (line > 0)
            {
                json.WritePropertyName("region");
                json.WriteStartObject();
                json.WritePropertyName("startLine");
                json.WriteValue(line);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (result.CaseId is not null)
        {
            json.WritePropertyName("logicalLocations");
            json.WriteStartArray();
            json.WriteStartObject();
            Json.Property(json, "name", result.CaseId);
            Json.Property(json, "fullyQualifiedName", result.SubjectId is null ? result.CaseId : $"{result.CaseId}/{result.SubjectId}");
            Json.Property(json, "kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>A relative URI reference (forward slashes, each segment escaped) from <paramref name="root"/> to <paramref name="file"/>.</summary>
    private static string RelativeUri(string file, string root) => string.Join('/',
        Path.GetRelativePath(root, file)
            .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Select(Uri.EscapeDataString));

    private static void WriteMessage(JsonWriter json, string name, string text)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        Json.Property(json, "text", text);
        json.WriteEndObject();
    }
}
