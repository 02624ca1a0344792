using System.Globalization;
using System.Text;
using ComplianceRules.Findings.Evaluation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Outputs;

/// <summary>
/// A check's sorted runs of findings, spilled to owner-only files in a folder of their own inside
/// <c>parentDirectory</c> (the output folder: they hold case data, so they stay where the outputs
/// go), one finding a line as findings.json writes it plus what the merge and SARIF need. The
/// folder and everything in it is removed on <see cref="Dispose"/>, whether or not the check succeeded.
/// </summary>
public sealed class SpilledRuns : IFindingRuns, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly List<IEnumerable<SequencedFinding>> runs = [];

    public SpilledRuns(string parentDirectory)
    {
        OwnerOnlyFile.EnsureDirectory(parentDirectory);
        Directory = Path.Combine(parentDirectory, $".compliance-runs.{Environment.ProcessId}.{Guid.NewGuid():N}");
        OwnerOnlyFile.EnsureDirectory(Directory);
    }

    /// <summary>The folder the run files are in (removed on dispose).</summary>
    public string Directory { get; }

    public IReadOnlyList<IEnumerable<SequencedFinding>> Runs => runs;

    public void Add(List<SequencedFinding> sortedRun)
    {
        var path = Path.Combine(Directory, $"run-{runs.Count.ToString("D6", CultureInfo.InvariantCulture)}.ndjson");
        using (var stream = OwnerOnlyFile.CreateNew(path, FileAccess.Write))
        using (var writer = new StreamWriter(stream, Utf8))
        {
            foreach (var sequenced in sortedRun)
            {
                Write(writer, sequenced);
            }
        }

        runs.Add(Read(path));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static void Write(TextWriter writer, SequencedFinding sequenced)
    {
        var result = sequenced.Finding.Result;
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None, CloseOutput = false })
        {
            json.WriteStartObject();
            json.WritePropertyName("sequence");
            json.WriteValue(sequenced.Sequence);
            json.WritePropertyName("index");
            json.WriteValue(sequenced.Index);
            // Not in findings.json, but SARIF points viewers at them.
            Json.Property(json, "file", result.File);
            json.WritePropertyName("line");
            json.WriteValue(result.Line);
            json.WritePropertyName("finding");
            FindingsJson.WriteFinding(json, sequenced.Finding);
            json.WriteEndObject();
        }

        writer.Write('\n');
    }

    private static IEnumerable<SequencedFinding> Read(string path)
    {
        using var json = new JsonTextReader(new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 }))
        {
            DateParseHandling = DateParseHandling.None,
            SupportMultipleContent = true,
        };
        while (json.Read())
        {
            var line = JObject.Load(json);
            var finding = FindingsJsonReader.FromJson((JObject)line["finding"]!, path);
            finding = finding with { Result = finding.Result with { File = (string?)line["file"], Line = (int)line["line"]! } };
            yield return new SequencedFinding(finding, (long)line["sequence"]!, (int)line["index"]!);
        }
    }
}
