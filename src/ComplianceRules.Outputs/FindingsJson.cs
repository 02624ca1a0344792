using System.Text;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;

namespace ComplianceRules.Outputs;

/// <summary>Writes findings.json exactly as cli.md shows it.</summary>
public static class FindingsJson
{
    public const string FileName = "findings.json";

    // findings.json's entries sit two levels deep (the object, its "findings" array), indented two spaces a level.
    private const int EntryIndentation = 4;

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
            CopyEntries(json, output, rendered.Entries);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    /// <summary>
    /// Copies the rendered entries into the findings array. The first goes through the JSON writer
    /// as a raw value (so that it writes the array's closing line as it would after an object of its
    /// own); the rest are copied after the separator it put before the first, as UTF-8 bytes straight
    /// into the file when <paramref name="output"/> writes UTF-8 to a stream: a large check's findings
    /// are then never decoded into strings at all.
    /// </summary>
    private static void CopyEntries(JsonTextWriter json, TextWriter output, IEnumerable<byte[]> entries)
    {
        using var each = entries.GetEnumerator();
        if (!each.MoveNext())
        {
            return;
        }

        json.WriteRawValue(Encoding.UTF8.GetString(each.Current));
        json.Flush();
        var separator = "," + output.NewLine + new string(' ', EntryIndentation);
        if (output is StreamWriter { Encoding: UTF8Encoding } file)
        {
            file.Flush();
            var bytes = file.BaseStream;
            var separatorBytes = Encoding.UTF8.GetBytes(separator);
            while (each.MoveNext())
            {
                bytes.Write(separatorBytes);
                bytes.Write(each.Current);
            }
        }
        else
        {
            while (each.MoveNext())
            {
                output.Write(separator);
                output.Write(Encoding.UTF8.GetString(each.Current));
            }
        }
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
    /// (indented at that depth), in UTF-8, for <see cref="Write"/> to copy. One thread at a time.
    /// </summary>
    public sealed class EntryRenderer
    {
        private readonly StringWriter text = new();
        private readonly JsonTextWriter json;
        private readonly bool withLocation;
        private char[] chars = new char[4096];
        private byte[] bytes = new byte[3 * 4096];

        public EntryRenderer(bool withLocation)
        {
            this.withLocation = withLocation;
            json = new JsonTextWriter(text) { Formatting = Formatting.Indented };

            // Inside findings.json's array, so every entry is indented as it is there.
            json.WriteStartObject();
            json.WritePropertyName("findings");
            json.WriteStartArray();
        }

        /// <summary>The finding's entry in UTF-8, valid until the next call.</summary>
        public ReadOnlySpan<byte> Render(Finding finding)
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

            var length = builder.Length - start;
            if (chars.Length < length)
            {
                chars = new char[Math.Max(length, chars.Length * 2)];
            }

            builder.CopyTo(start, chars.AsSpan(), length);
            var most = Encoding.UTF8.GetMaxByteCount(length);
            if (bytes.Length < most)
            {
                bytes = new byte[Math.Max(most, bytes.Length * 2)];
            }

            return bytes.AsSpan(0, Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes));
        }
    }
}

/// <summary>A report's findings rendered by <see cref="FindingsJson.EntryRenderer"/> (UTF-8), in the report's order.</summary>
public sealed record RenderedFindings(bool WithLocation, IEnumerable<byte[]> Entries);
