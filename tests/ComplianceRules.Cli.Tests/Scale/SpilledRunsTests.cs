using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>A spilled run reads back every field of its findings, so every writer writes the same bytes from it.</summary>
public sealed class SpilledRunsTests : IDisposable
{
    private readonly Scratch scratch = new();

    [Fact]
    public void Every_field_of_a_finding_and_its_place_read_back_as_written()
    {
        var written = Findings();

        var read = Spill(written);

        read.Count.ShouldBe(written.Count);
        foreach (var (original, back) in written.Zip(read))
        {
            (back.Sequence, back.Index).ShouldBe((original.Sequence, original.Index));
            var (was, now) = (original.Finding.Result, back.Finding.Result);
            (now with { Arguments = was.Arguments, Evidence = was.Evidence }).ShouldBe(was);
            now.Evidence.ShouldBe(was.Evidence);
            now.Arguments.Keys.ShouldBe(was.Arguments.Keys);
            (back.Finding with { Result = was }).ShouldBe(original.Finding);
        }
    }

    [Fact]
    public void Argument_values_keep_their_types()
    {
        var arguments = Spill(Findings())[0].Finding.Result.Arguments;

        arguments["date"].ShouldBe(new DateOnly(2026, 3, 2));
        arguments["time"].ShouldBe(new DateTime(2026, 3, 2, 14, 30, 0));
        arguments["count"].ShouldBe(3);
        arguments["large"].ShouldBe(5_000_000_000L);
        arguments["ratio"].ShouldBe(2.5);
        arguments["yes"].ShouldBe(true);
        arguments["no"].ShouldBe(false);
        arguments["text"].ShouldBe("a \"quoted\" \u00e9 text");
        arguments.ContainsKey("missing").ShouldBeTrue();
        arguments["missing"].ShouldBeNull();
        arguments["status"].ShouldBe("late");
        ((IEnumerable<object?>)arguments["dates"]!).ShouldBe([new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 9)]);
        JToken.DeepEquals((JToken)arguments["json"]!, JObject.Parse("""{ "kept": [1, 2.5, "2026-01-01", null, true] }""")).ShouldBeTrue();
    }

    [Fact]
    public void Findings_json_with_and_without_location_sarif_and_html_write_the_same_bytes_from_a_spilled_run()
    {
        var written = Findings();

        var read = Spill(written);

        foreach (var shard in new[] { null, Shard.TryParse("1/2") })
        {
            Write(FindingsJson.Write, read, shard).ShouldBe(Write(FindingsJson.Write, written, shard));
        }

        Write(Sarif, read).ShouldBe(Write(Sarif, written));
        Write(Html, read).ShouldBe(Write(Html, written));
    }

    [Fact]
    public void Findings_json_from_entries_rendered_as_runs_are_spilled_is_byte_identical_to_rendering_the_findings()
    {
        var sorted = Findings().Order(SequencedOrder.Instance).ToList();

        foreach (var shard in new[] { null, Shard.TryParse("1/2") })
        {
            using var spilled = new SpilledRuns(scratch.Root, withLocation: shard is not null);
            // Two runs whose findings interleave, so the entries only come out in order if they are merged.
            spilled.Add([sorted[0], sorted[2]]);
            spilled.Add([sorted[1], sorted[3]]);

            Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), sorted, shard)
                .ShouldBe(Write(FindingsJson.Write, sorted, shard), $"shard {shard}");
        }
    }

    [Fact]
    public void Findings_json_written_to_a_utf8_file_copies_the_entries_as_bytes_and_they_are_the_same_bytes()
    {
        // Four findings, one with non-ASCII text: the first entry goes through the JSON writer, the
        // other three are copied straight into the stream beneath it.
        var sorted = Findings().Order(SequencedOrder.Instance).ToList();
        using var spilled = new SpilledRuns(scratch.Root);
        spilled.Add([sorted[0], sorted[2]]);
        spilled.Add([sorted[1], sorted[3]]);
        var summary = new Summary();
        sorted.ForEach(sequenced => summary.Count(sequenced.Finding));
        var report = new CheckReport(new DateOnly(2026, 3, 16), Profile.Default, summary, sorted.Select(f => f.Finding), null);

        using var file = new MemoryStream();
        using (var output = new StreamWriter(file, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            FindingsJson.Write(output, report, spilled.Rendered);
        }

        file.ToArray().ShouldBe(new System.Text.UTF8Encoding(false).GetBytes(Write(FindingsJson.Write, sorted)));
    }

    [Fact]
    public void Every_run_is_a_stretch_of_one_file_of_findings_and_one_of_entries_and_reads_back_alone()
    {
        var sorted = Findings().Order(SequencedOrder.Instance).ToList();
        using var spilled = new SpilledRuns(scratch.Root);

        spilled.Add([sorted[0], sorted[2]]);
        spilled.Add([sorted[1]]);
        spilled.Add([sorted[3]]);

        Directory.GetFiles(spilled.Directory).Select(Path.GetFileName).Order().ShouldBe(["entries.bin", "findings.bin"]);
        static (long, int) Place(SequencedFinding f) => (f.Sequence, f.Index);
        // Each stretch reads back its own run alone, the first after the later ones were appended.
        spilled.Runs.Select(run => run.Select(Place).ToList()).ShouldBe(
            [[Place(sorted[0]), Place(sorted[2])], [Place(sorted[1])], [Place(sorted[3])]]);
        Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), sorted).ShouldBe(Write(FindingsJson.Write, sorted));
    }

    [Fact]
    public void Without_keeping_the_findings_only_their_entries_are_spilled_and_reading_the_findings_throws()
    {
        var sorted = Findings().Order(SequencedOrder.Instance).ToList();
        using var spilled = new SpilledRuns(scratch.Root, keepFindings: false);

        spilled.Add(sorted);

        Directory.GetFiles(spilled.Directory).Select(Path.GetFileName).ShouldBe(["entries.bin"]);
        Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), sorted).ShouldBe(Write(FindingsJson.Write, sorted));
        Should.Throw<InvalidOperationException>(() => spilled.Runs.Single().ToList());
    }

    [Fact]
    public void Without_findings_the_rendered_array_is_empty_as_findings_json_writes_it()
    {
        using var spilled = new SpilledRuns(scratch.Root);

        Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), [])
            .ShouldBe(Write(FindingsJson.Write, []));
    }

    [Fact]
    public void Entries_rendered_without_location_are_refused_for_a_shards_report()
    {
        using var spilled = new SpilledRuns(scratch.Root, withLocation: false);
        spilled.Add(Findings().Order(SequencedOrder.Instance).ToList());

        Should.Throw<ArgumentException>(() => Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), Findings(), Shard.TryParse("1/2")));
    }

    [Fact]
    public void More_distinct_strings_than_are_numbered_read_back_too()
    {
        var template = Findings()[^1];
        var written = Enumerable.Range(0, 10_000)
            .Select(i => template with { Finding = template.Finding with { Result = template.Finding.Result with { Team = $"team {i}" } }, Sequence = i })
            .ToList();

        Spill(written).Select(f => f.Finding.Result.Team).ShouldBe(written.Select(f => f.Finding.Result.Team));
    }

    public void Dispose() => scratch.Dispose();

    private List<SequencedFinding> Spill(List<SequencedFinding> run)
    {
        using var spilled = new SpilledRuns(scratch.Root);
        spilled.Add(run);
        return spilled.Runs.Single().ToList();
    }

    /// <summary>Every field set, a CSC0001 with its source, and one with only what is required (empty, not null, ids).</summary>
    private static List<SequencedFinding> Findings()
    {
        var everyField = new RuleFinding
        {
            RuleId = "CSC1001",
            CaseId = "C1",
            SubjectId = "CPP1",
            Status = FindingStatus.Late,
            DueDate = new DateOnly(2026, 3, 2),
            MetOn = new DateOnly(2026, 3, 9),
            Message = "Visit late by 5 working days",
            Arguments = new Dictionary<string, object?>
            {
                ["date"] = new DateOnly(2026, 3, 2),
                ["time"] = new DateTime(2026, 3, 2, 14, 30, 0),
                ["count"] = 3,
                ["large"] = 5_000_000_000L,
                ["ratio"] = 2.5,
                ["whole"] = 3.0,
                ["yes"] = true,
                ["no"] = false,
                ["text"] = "a \"quoted\" \u00e9 text",
                ["missing"] = null,
                ["status"] = FindingStatus.Late,
                ["paths"] = new[] { "visits[0]", "visits[1]" },
                ["dates"] = new List<DateOnly> { new(2026, 1, 5), new(2026, 2, 9) },
                ["nested"] = new object?[] { 1, null, new[] { "a" } },
                ["json"] = JObject.Parse("""{ "kept": [1, 2.5, "2026-01-01", null, true] }"""),
            },
            Evidence = ["cpPlans[0]", "visits[1]"],
            Team = "North",
            WorkerId = "SW017",
            File = "/cases/a.ndjson",
            Line = 12,
        };
        var expired = new AppliedSuppression(
            new Suppression { RuleId = "CSC1001", CaseId = "C1", SubjectId = "CPP1", Justification = "Child in hospital", ApprovedBy = "Team manager", Expires = new DateOnly(2026, 3, 1) },
            Expired: true);
        var unreadable = new RuleFinding
        {
            RuleId = "CSC0001",
            CaseId = null,
            Status = FindingStatus.Present,
            Message = "Case file unreadable",
            Arguments = new Dictionary<string, object?> { ["jsonPath"] = "$.children[0]" },
            Source = new FindingSource("/cases/b.ndjson", 7, "$.children[0]"),
            Line = 7,
        };
        var active = new AppliedSuppression(new Suppression { RuleId = "CSC0001", CaseId = "", Justification = "Known bad export" }, Expired: false);
        var requiredOnly = new RuleFinding { RuleId = "CSC1001", CaseId = "", SubjectId = "", Status = FindingStatus.Overdue, Message = "" };

        return
        [
            new(new Finding(everyField, Severity.Error, RuleCategory.ChildProtection, expired), 0, 0),
            new(new Finding(everyField with { SubjectId = "CPP2" }, Severity.Warning, RuleCategory.ChildProtection, null), 0, 1),
            new(new Finding(unreadable, Severity.Error, RuleCategory.Input, active), 1, 0),
            new(new Finding(requiredOnly, Severity.Info, RuleCategory.ChildProtection, null), 2, 0),
        ];
    }

    private void Html(TextWriter output, CheckReport report) =>
        HtmlReport.Write(output, report, RuleCatalog.Default, ToolInfo.DocsBase, scratch.Root);

    private static void Sarif(TextWriter output, CheckReport report) =>
        SarifLog.Write(output, report, RuleCatalog.Default, ToolInfo.DocsBase, "/cases");

    private static string Write(Action<TextWriter, CheckReport> writer, List<SequencedFinding> findings, Shard? shard = null)
    {
        var summary = new Summary();
        foreach (var sequenced in findings)
        {
            summary.Count(sequenced.Finding);
        }

        using var text = new StringWriter();
        writer(text, new CheckReport(new DateOnly(2026, 3, 16), Profile.Default, summary, findings.Select(f => f.Finding), shard));
        return text.ToString();
    }
}
