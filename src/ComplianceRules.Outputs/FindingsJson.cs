using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>Writes findings.json exactly as cli.md shows it.</summary>
public static class FindingsJson
{
    public const string FileName = "findings.json";

    public static void Write(TextWriter output, CheckReport report) => Write(output, report, rendered: null);

    /// <param name="rendered">
    /// The report's findings already rendered, in the same order (a check's spilled runs render
    /// them while the cases are still being evaluated); null renders them here.
    /// </param>
    public static void Write(TextWriter output, CheckReport report, RenderedFindings? rendered)
    {
        if (rendered is not null && rendered.WithLocation != WithLocation(report))
        {
            throw new ArgumentException("The findings were rendered for another kind of report (with or without location).", nameof(rendered));
        }

        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        Json.Tool(json);
        json.WritePropertyName("asOf");
        json.WriteValue(Json.Date(report.AsOf));
        Json.Profile(json, "profile", report.Profile.Origin);
        if (report.Shard is { } shard)
        {
            // Only a shard's output says so; `compliance merge` checks and drops it.
            json.WritePropertyName("shard");
            json.WriteStartObject();
            Json.Property(json, "index", shard.Index);
            Json.Property(json, "count", shard.Count);
            json.WriteEndObject();
        }

        WriteSummary(json, report.Summary);
        json.WritePropertyName("findings");
        json.WriteStartArray();
        if (rendered is null)
        {
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding, WithLocation(report));
            }
        }
        else
        {
            foreach (var entry in rendered.Entries)
            {
                // As a value: the writer adds the separator and indentation it would before an object of its own.
                json.WriteRawValue(entry);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    /// <summary>Only a shard's findings carry <c>location</c> (see <see cref="WriteFinding"/>).</summary>
    public static bool WithLocation(CheckReport report) => report.Shard is not null;

    private static void WriteSummary(JsonWriter json, Summary summary)
    {
        json.WritePropertyName("summary");
        json.WriteStartObject();
        Json.Property(json, "casesRead", summary.CasesRead);
        Json.Property(json, "casesEvaluated", summary.CasesEvaluated);
        Json.Property(json, "casesRejected", summary.CasesRejected);
        Json.Property(json, "findings", summary.Findings);
        json.WritePropertyName("bySeverity");
        json.WriteStartObject();
        foreach (var (severity, count) in summary.BySeverity)
        {
            json.WritePropertyName(Json.Name(severity));
            json.WriteValue(count);
        }

        json.WriteEndObject();
        json.WritePropertyName("byRule");
        json.WriteStartObject();
        foreach (var (rule, count) in summary.ByRule)
        {
            json.WritePropertyName(rule);
            json.WriteValue(count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <param name="withLocation">
    /// Also write <c>location</c> (the case file and line that SARIF points viewers at), which
    /// findings.json leaves out: for a shard's output, so that what is merged from the shards
    /// writes the same SARIF as an unsharded check.
    /// </param>
    public static void WriteFinding(JsonWriter json, Finding finding, bool withLocation = false)
    {
        var result = finding.Result;
        json.WriteStartObject();
        Json.Property(json, "ruleId", result.RuleId);
        Json.Property(json, "severity", Json.Name(finding.Severity));
        Json.Property(json, "category", finding.Category.ToString());
        Json.Property(json, "caseId", result.CaseId);
        Json.Property(json, "subjectId", result.SubjectId);
        Json.Property(json, "status", Json.Name(result.Status));
        Json.Property(json, "dueDate", result.DueDate is { } due ? Json.Date(due) : null);
        Json.Property(json, "metOn", result.MetOn is { } met ? Json.Date(met) : null);
        Json.Property(json, "message", result.Message);
        json.WritePropertyName("arguments");
        json.WriteStartObject();
        foreach (var (name, value) in result.Arguments)
        {
            json.WritePropertyName(name);
            Json.Value(json, value);
        }

        json.WriteEndObject();
        json.WritePropertyName("evidence");
        json.WriteStartArray();
        foreach (var path in result.Evidence)
        {
            json.WriteValue(path);
        }

        json.WriteEndArray();
        Json.Property(json, "team", result.Team);
        Json.Property(json, "workerId", result.WorkerId);
        if (result.Source is { } source)
        {
            json.WritePropertyName("source");
            json.WriteStartObject();
            Json.Property(json, "file", source.File);
            json.WritePropertyName("line");
            json.WriteValue(source.Line);
            Json.Property(json, "jsonPath", source.JsonPath);
            json.WriteEndObject();
        }

        if (withLocation && result.File is not null)
        {
            json.WritePropertyName("location");
            json.WriteStartObject();
            Json.Property(json, "file", result.File);
            json.WritePropertyName("line");
            json.WriteValue(result.Line);
            json.WriteEndObject();
        }

        Json.Property(json, "fingerprint", finding.Fingerprint);
        json.WritePropertyName("suppression");
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject();
            Json.Property(json, "justification", suppression.Entry.Justification);
            Json.Property(json, "approvedBy", suppression.Entry.ApprovedBy);
            Json.Property(json, "expires", suppression.Entry.Expires is { } expires ? Json.Date(expires) : null);
            Json.Property(json, "state", suppression.Expired ? "expired" : "active");
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Renders findings one at a time exactly as findings.json's "findings" array holds them
    /// (indented at that depth), for <see cref="Write"/> to copy. One thread at a time.
    /// </summary>
    public sealed class EntryRenderer
    {
        private readonly StringWriter text = new();
        private readonly JsonTextWriter json;
        private readonly bool withLocation;

        public EntryRenderer(bool withLocation)
        {
            this.withLocation = withLocation;
            json = new JsonTextWriter(text) { Formatting = Formatting.Indented };

            // Inside findings.json's array, so every entry is indented as it is there.
            json.WriteStartObject();
            json.WritePropertyName("findings");
            json.WriteStartArray();
        }

        public string Render(Finding finding)
        {
            var builder = text.GetStringBuilder();
            builder.Clear();
            WriteFinding(json, finding, withLocation);

            // What precedes the object (a separator, a line break, the indentation) is the final writer's to add.
            var start = 0;
            while (builder[start] != '{')
            {
                start++;
            }

            return builder.ToString(start, builder.Length - start);
        }
    }
}

/// <summary>A report's findings rendered by <see cref="FindingsJson.EntryRenderer"/>, in the report's order.</summary>
public sealed record RenderedFindings(bool WithLocation, IEnumerable<string> Entries);
