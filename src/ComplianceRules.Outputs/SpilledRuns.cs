using System.Globalization;
using System.Text;
using ComplianceRules.Findings.Evaluation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Outputs;

/// <summary>
/// A check's sorted runs of findings, spilled to owner-only files in a folder of their own inside
/// <c>parentDirectory</c> (the output folder: they hold case data, so they stay where the outputs
/// go), one finding a line as a shard's findings.json writes it, with its place in the input. The
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
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None, CloseOutput = false })
        {
            json.WriteStartObject();
            json.WritePropertyName("sequence");
            json.WriteValue(sequenced.Sequence);
            json.WritePropertyName("index");
            json.WriteValue(sequenced.Index);
            json.WritePropertyName("finding");
            FindingsJson.WriteFinding(json, sequenced.Finding, withLocation: true);
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
            yield return new SequencedFinding(finding, (long)line["sequence"]!, (int)line["index"]!);
        }
    }
}
