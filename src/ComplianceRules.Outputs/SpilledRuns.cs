using System.Globalization;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Outputs;

/// <summary>
/// A check's sorted runs of findings, spilled to owner-only files in a folder of their own inside
/// <c>parentDirectory</c> (the output folder: they hold case data, so they stay where the outputs
/// go), in <see cref="SpilledFindingFormat"/>, each finding with its place in the input. Beside
/// each run goes a file of its findings.json entries, rendered as the run is spilled, while other
/// threads are still evaluating: the writer after evaluation then only merges and copies them. The
/// folder and everything in it is removed on <see cref="Dispose"/>, whether or not the check succeeded.
/// </summary>
public sealed class SpilledRuns : IFindingRuns, IDisposable
{
    private readonly List<IEnumerable<SequencedFinding>> runs = [];
    private readonly List<IEnumerable<RenderedEntry>> entries = [];
    private readonly FindingsJson.EntryRenderer renderer;
    private readonly bool withLocation;
    private readonly bool keepFindings;

    /// <param name="withLocation">Whether the findings.json entries carry location: a shard's do (<see cref="FindingsJson.WithLocation"/>).</param>
    /// <param name="keepFindings">
    /// Whether the findings themselves are spilled too, for the writers that read them (SARIF,
    /// HTML); without them only <see cref="Rendered"/> can be read, and reading <see cref="Runs"/> throws.
    /// </param>
    public SpilledRuns(string parentDirectory, bool withLocation = false, bool keepFindings = true)
    {
        this.withLocation = withLocation;
        this.keepFindings = keepFindings;
        renderer = new FindingsJson.EntryRenderer(withLocation);
        OwnerOnlyFile.EnsureDirectory(parentDirectory);
        Directory = Path.Combine(parentDirectory, $".compliance-runs.{Environment.ProcessId}.{Guid.NewGuid():N}");
        OwnerOnlyFile.EnsureDirectory(Directory);
    }

    /// <summary>The folder the run files are in (removed on dispose).</summary>
    public string Directory { get; }

    public IReadOnlyList<IEnumerable<SequencedFinding>> Runs => runs;

    /// <summary>The findings.json entries of every run, merged into the order of <see cref="Runs"/>' merge.</summary>
    public RenderedFindings Rendered => new(withLocation, SortedMerge.Merge(entries, RenderedEntry.Order).Select(entry => entry.Json));

    public void Add(List<SequencedFinding> sortedRun)
    {
        var number = runs.Count.ToString("D6", CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"run-{number}.bin");
        if (keepFindings)
        {
            using var writer = new SpilledFindingWriter(OwnerOnlyFile.CreateNew(path, FileAccess.Write));
            writer.WriteCount(sortedRun.Count);
            foreach (var sequenced in sortedRun)
            {
                writer.Write(sequenced);
            }
        }

        var entriesPath = Path.Combine(Directory, $"entries-{number}.bin");
        using (var writer = new SpilledFindingWriter(OwnerOnlyFile.CreateNew(entriesPath, FileAccess.Write)))
        {
            writer.WriteCount(sortedRun.Count);
            foreach (var sequenced in sortedRun)
            {
                writer.Write(new RenderedEntry(sequenced.Place, renderer.Render(sequenced.Finding)));
            }
        }

        runs.Add(keepFindings ? Read(path, static reader => reader.Read()) : NotKept());
        entries.Add(Read(entriesPath, static reader => reader.ReadEntry()));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>A spilled file's items, read lazily front to back each time it is enumerated.</summary>
    private static IEnumerable<T> Read<T>(string path, Func<SpilledFindingReader, T> readItem)
    {
        using var reader = new SpilledFindingReader(OpenToRead(path));
        for (var remaining = reader.ReadCount(); remaining > 0; remaining--)
        {
            yield return readItem(reader);
        }
    }

    private static IEnumerable<SequencedFinding> NotKept()
    {
        throw new InvalidOperationException("This check kept only its findings' findings.json entries, not the findings (SpilledRuns without keepFindings).");
#pragma warning disable CS0162 // makes this an iterator, so it throws when the findings are read, not when the run is kept
        yield break;
#pragma warning restore CS0162
    }

    private static FileStream OpenToRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
