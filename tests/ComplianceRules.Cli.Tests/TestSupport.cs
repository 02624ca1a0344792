using System.Reflection;
using ComplianceRules.Cli.Commands;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Cli.Tests;

/// <summary>A folder of its own for one test: case files, profiles, outputs. Deleted afterwards.</summary>
public sealed class Scratch : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("compliance-cli-tests-").FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>Case files and profiles the tests share: one CP plan, its first visit 15 working days after it started.</summary>
public static class Cases
{
    public static readonly DateOnly AsOf = new(2026, 3, 16);

    /// <summary>
    /// Plan CPP1 starts Wed 2026-01-28. At CSC1001's default 10 working days the visit of
    /// 2026-02-18 is late (due 2026-02-10) and the next visit, due 2026-03-03, is overdue at D;
    /// at 20 the visit is on time (due 2026-02-24) and the next is not due until 2026-03-17.
    /// CSC3001 also finds supervision overdue (none since the plan started).
    /// </summary>
    public static string VisitedLate(string caseId, string? team = null, string workerId = "SW017") => $$"""
        { "caseId": "{{caseId}}", {{(team is null ? "" : $"\"team\": {Newtonsoft.Json.JsonConvert.ToString(team)},")}}
          "allocations": [ { "workerId": {{Newtonsoft.Json.JsonConvert.ToString(workerId)}}, "role": "socialWorker", "start": "2026-01-12" } ],
          "cpPlans": [ { "id": "CPP1", "start": "2026-01-28" } ],
          "visits": [ { "date": "2026-02-18" } ] }
        """;

    public static CheckReport Check(Profile profile, params string[] caseFiles)
    {
        var evaluator = new Evaluator(new CompiledProfile(profile), AsOf, WorkingDayCalendar.Default);
        var cases = caseFiles.Select((text, index) => new CaseFileReader().Read(new StringReader(text), $"case{index}.json"));
        var report = Findings.Evaluation.Check.Run(cases.SelectMany(c => c), evaluator);
        return report with { Findings = report.Findings.ToArray() };
    }

    public static Profile Profile(string json) => ProfileReader.Parse(new StringReader(json), "profile.json", Path.GetTempPath());
}

/// <summary>Runs the <c>compliance</c> entry point in-process, capturing what it prints.</summary>
public static class Cli
{
    private static readonly Lock ConsoleLock = new();

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunIn(null, args);

    /// <summary>
    /// Runs it in <paramref name="directory"/> (null: where the tests run) as the working directory
    /// (SARIF paths are relative to it), changed only while no other test runs the CLI.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunIn(string? directory, params string[] args)
    {
        var entryPoint = typeof(CheckCommand).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The CLI assembly has no entry point.");
        lock (ConsoleLock)
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var (previousOutput, previousError, previousDirectory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
            Console.SetOut(output);
            Console.SetError(error);
            Environment.CurrentDirectory = directory ?? previousDirectory;
            try
            {
                var exitCode = (int)entryPoint.Invoke(null, [args])!;
                return (exitCode, output.ToString(), error.ToString());
            }
            catch (TargetInvocationException failure) when (failure.InnerException is not null)
            {
                throw failure.InnerException;
            }
            finally
            {
                Console.SetOut(previousOutput);
                Console.SetError(previousError);
                Environment.CurrentDirectory = previousDirectory;
            }
        }
    }
}
