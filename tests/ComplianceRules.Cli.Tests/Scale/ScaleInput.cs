using System.Collections.Concurrent;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>The scale tests share one input and its checks: each check compiles the whole rule set, so each runs once.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleTests : ICollectionFixture<ScaleInput>
{
    public const string Name = "Scale";
}

/// <summary>
/// fixtures/sample (49 cases, 1 rejected) and 65 more lines in extra/: 60 cases X0000-X0059
/// (<see cref="Cases.VisitedLate"/>), a line of broken JSON after its caseId (rejected), a case with
/// an impossible date (rejected, caseId XBAD) and one with two caseIds whose shards differ in three
/// (X0101 in shard 3, X0201 in shard 2: rejected, it must still be in exactly one) in a.ndjson; in
/// b.ndjson a second X0007 (another worker, so its findings tie with the first's on every sort
/// key) and a broken line without a caseId.
/// Read: 49 + 63 + 2 = 114; evaluated: 48 + 60 + 1 = 109; rejected: 1 + 3 + 1 = 5.
/// </summary>
public sealed class ScaleInput : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<string>> checks = new(StringComparer.Ordinal);

    public const string AsOf = "2026-11-20";
    public const int CasesRead = 114;
    public const int CasesEvaluated = 109;
    public const int CasesRejected = 5;

    public ScaleInput()
    {
        var first = Enumerable.Range(0, 60).Select(i => OneLine(Cases.VisitedLate($"X{i:D4}"))).ToList();
        first.Insert(30, "{ \"caseId\": \"X9999\", ");
        first.Add("""{ "caseId": "XBAD", "cpPlans": [ { "id": "CPP1", "start": "2026-02-30" } ] }""");
        first.Add("""{ "caseId": "X0101", "caseId": "X0201", "cpPlans": [ { "id": "CPP1", "start": "2026-02-30" } ] }""");
        Scratch.Write("extra/a.ndjson", string.Join("\n", first) + "\n");
        Scratch.Write("extra/b.ndjson", OneLine(Cases.VisitedLate("X0007", workerId: "SW999")) + "\n[1, 2\n");
    }

    public Scratch Scratch { get; } = new();

    public string[] Inputs => [Repository.Path("fixtures", "sample"), Path.Combine(Scratch.Root, "extra")];

    /// <summary>
    /// The output folder of <c>compliance check</c> over the inputs with <paramref name="options"/>,
    /// writing every format; run once for the same options. Tests only read what is in it.
    /// </summary>
    public string Check(params string[] options) =>
        checks.GetOrAdd(string.Join(' ', options), _ => new Lazy<string>(() => CheckAgain(options))).Value;

    /// <summary>Like <see cref="Check"/>, but a run of its own, into a new folder.</summary>
    public string CheckAgain(params string[] options)
    {
        var output = NewFolder();
        var (exitCode, _, error) = Cli.Run(["check", .. Inputs, "--as-of", AsOf, "--out", output, "--format", "json,sarif,html", "--fail-on", "none", .. options]);
        exitCode.ShouldBe(0, error);
        return output;
    }

    /// <summary>A folder path of its own under the scratch folder (not created).</summary>
    public string NewFolder() => Path.Combine(Scratch.Root, "out", Guid.NewGuid().ToString("N"));

    public void Dispose() => Scratch.Dispose();

    private static string OneLine(string json) => json.ReplaceLineEndings(" ");
}
