using System.Globalization;
using ComplianceRules.Findings.Evaluation;

namespace ComplianceRules.Outputs;

/// <summary>
/// A check's sorted runs of findings, spilled to owner-only files in a folder of their own inside
/// <c>parentDirectory</c> (the output folder: they hold case data, so they stay where the outputs
/// go), in <see cref="SpilledFindingFormat"/>, each finding with its place in the input. The
/// folder and everything in it is removed on <see cref="Dispose"/>, whether or not the check succeeded.
/// </summary>
public sealed class SpilledRuns : IFindingRuns, IDisposable
{
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
        var path = Path.Combine(Directory, $"run-{runs.Count.ToString("D6", CultureInfo.InvariantCulture)}.bin");
        using (var writer = new SpilledFindingWriter(OwnerOnlyFile.CreateNew(path, FileAccess.Write)))
        {
            writer.WriteCount(sortedRun.Count);
            foreach (var sequenced in sortedRun)
            {
                writer.Write(sequenced);
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

    private static IEnumerable<SequencedFinding> Read(string path)
    {
        using var reader = new SpilledFindingReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        for (var remaining = reader.ReadCount(); remaining > 0; remaining--)
        {
            yield return reader.Read();
        }
    }
}
