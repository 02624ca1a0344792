using ComplianceRules.Cli.Commands;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>The check pipeline: the same bytes whatever the threads and run size; no temporary file outlives it.</summary>
[Collection(ScaleTests.Name)]
public sealed class PipelineTests(ScaleInput input)
{
    private static readonly string[] Outputs = [FindingsJson.FileName, SarifLog.FileName, HtmlReport.FileName];

    [Fact]
    public void Outputs_are_byte_identical_across_runs_and_thread_counts()
    {
        var once = input.Check("--threads", "1");
        var others = new[] { input.Check("--threads", "2"), input.Check("--threads", "4"), input.CheckAgain("--threads", "2") };

        foreach (var other in others)
        {
            foreach (var name in Outputs)
            {
                File.ReadAllBytes(Path.Combine(other, name)).ShouldBe(File.ReadAllBytes(Path.Combine(once, name)), $"{name} of {Path.GetFileName(other)}");
            }
        }

        var summary = JObject.Parse(File.ReadAllText(Path.Combine(once, FindingsJson.FileName)))["summary"]!;
        ((int)summary["casesRead"]!, (int)summary["casesEvaluated"]!, (int)summary["casesRejected"]!)
            .ShouldBe((ScaleInput.CasesRead, ScaleInput.CasesEvaluated, ScaleInput.CasesRejected));
    }

    [Fact]
    public void Lines_parsed_by_the_evaluators_give_the_report_that_parsing_them_as_read_gives()
    {
        var atOnce = Check(new CheckOptions { Threads = 2 });
        var deferred = Check(new CheckOptions { Threads = 2 }, new CaseFileReader { DeferParsing = true });

        // The rejected cases too: a line that does not parse is rejected by whichever thread parses it.
        deferred.Summary.CasesRejected.ShouldBe(ScaleInput.CasesRejected);
        Write(FindingsJson.Write, deferred).ShouldBe(Write(FindingsJson.Write, atOnce));
    }

    [Fact]
    public void Read_for_its_fingerprints_a_findings_json_gives_each_findings_fingerprint_and_severity_in_its_order()
    {
        var path = Path.Combine(input.Check("--threads", "2"), FindingsJson.FileName);
        var whole = FindingsJsonReader.Open(path).Findings.Select(f => (f.Fingerprint, f.Severity)).ToList();

        whole.Count.ShouldBeGreaterThan(100);
        whole.Select(f => f.Severity).Distinct().Count().ShouldBeGreaterThan(1);
        FindingsJsonReader.ReadFingerprints(path).ToList().ShouldBe(whole);
    }

    [Fact]
    public void Findings_equal_on_every_sort_key_keep_the_input_order_of_their_cases()
    {
        var output = input.Check("--threads", "4");

        // X0007 is in a.ndjson (worker SW017) and again in b.ndjson (SW999): the same findings on
        // the same keys, so each of the first's findings is followed by the second's.
        var workers = FindingsJsonReader.Open(Path.Combine(output, FindingsJson.FileName)).Findings
            .Where(f => f.Result.CaseId == "X0007")
            .Select(f => f.Result.WorkerId)
            .ToList();
        workers.Count.ShouldBeGreaterThan(0);
        workers.ShouldBe(Enumerable.Range(0, workers.Count).Select(i => i % 2 == 0 ? "SW017" : "SW999"));
    }

    [Fact]
    public void With_tiny_runs_many_runs_are_spilled_owner_only_and_the_merge_writes_the_same_bytes()
    {
        var inMemory = Check(new CheckOptions { Threads = 1 });
        string spilledJson, renderedJson, spilledSarif, directory;
        int runCount, findings;
        using (var spilled = new SpilledRuns(Path.Combine(input.Scratch.Root, "spill")))
        {
            var report = Check(new CheckOptions { Threads = 2, RunSize = 3, Runs = spilled });
            (spilledJson, spilledSarif) = (Write(FindingsJson.Write, report), Write(Sarif, report));
            renderedJson = Write((output, report) => FindingsJson.Write(output, report, spilled.Rendered), report);
            (directory, runCount, findings) = (spilled.Directory, spilled.Runs.Count, report.Summary.Findings);

            // A run is cut once it holds 3 findings or more, so there are at most findings / 3 of them.
            runCount.ShouldBeGreaterThan(findings / 10);
            runCount.ShouldBeLessThanOrEqualTo(findings / 3);
            // However many runs: one file of their findings, one of their findings.json entries.
            var files = Directory.GetFiles(directory);
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["entries.bin", "findings.bin"]);
            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in files)
                {
                    File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        Directory.Exists(directory).ShouldBeFalse();
        spilledJson.ShouldBe(Write(FindingsJson.Write, inMemory));
        renderedJson.ShouldBe(spilledJson);
        spilledSarif.ShouldBe(Write(Sarif, inMemory));
    }

    [Fact]
    public void A_check_leaves_only_its_outputs_in_the_output_folder()
    {
        var output = input.Check();

        Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(Outputs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_check_that_fails_leaves_no_spilled_runs_behind()
    {
        var output = input.NewFolder();

        var (exitCode, _, error) = Cli.Run(["check", .. input.Inputs, Path.Combine(input.Scratch.Root, "missing.ndjson"), "--as-of", ScaleInput.AsOf, "--out", output]);

        exitCode.ShouldBe(2);
        error.ShouldContain("missing.ndjson: no such file or directory");
        Directory.GetFileSystemEntries(output).ShouldBeEmpty();
    }

    [Fact]
    public void A_writer_failing_midway_leaves_the_previous_file_and_no_half_file()
    {
        var output = input.NewFolder();
        Directory.CreateDirectory(output);
        var previous = Path.Combine(output, FindingsJson.FileName);
        File.WriteAllText(previous, "last night's findings");
        var report = Check(new CheckOptions());
        var failing = report with { Findings = report.Findings.Take(5).Concat(Fail()) };

        Should.Throw<IOException>(() => new OutputFormats(new HashSet<string> { OutputFormats.Json }, ToolInfo.DocsBase).Write(failing, output));

        File.ReadAllText(previous).ShouldBe("last night's findings");
        Directory.GetFileSystemEntries(output).ShouldBe([previous]);

        static IEnumerable<Finding> Fail()
        {
            throw new IOException("disk full");
#pragma warning disable CS0162 // makes this an iterator, so it throws while the writer is midway
            yield break;
#pragma warning restore CS0162
        }
    }

    private CheckReport Check(CheckOptions options, CaseFileReader? reader = null)
    {
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), DateOnly.Parse(ScaleInput.AsOf, System.Globalization.CultureInfo.InvariantCulture), WorkingDayCalendar.Default);
        return Findings.Evaluation.Check.Run(input.Inputs.SelectMany((reader ?? new CaseFileReader()).Read), evaluator, options);
    }

    private static void Sarif(TextWriter output, CheckReport report) =>
        SarifLog.Write(output, report, RuleCatalog.Default, ToolInfo.DocsBase, Repository.Root);

    private static string Write(Action<TextWriter, CheckReport> writer, CheckReport report)
    {
        using var text = new StringWriter();
        writer(text, report);
        return text.ToString();
    }
}
