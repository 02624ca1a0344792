using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Outputs;

/// <summary>
/// A check's sorted runs of findings, spilled to owner-only files in a folder of their own inside
/// <c>parentDirectory</c> (the output folder: they hold case data, so they stay where the outputs
/// go), in <see cref="SpilledFindingFormat"/>, each finding with its place in the input; every run
/// is a stretch of one file (<see cref="SpillFile"/>). Beside it goes a file of their findings.json
/// entries in UTF-8 (copied into findings.json as they are), each run's rendered as the run is
/// spilled, while other threads are still evaluating: the writer after evaluation then only merges
/// and copies them. The folder and everything in it is removed on <see cref="Dispose"/>, whether or
/// not the check succeeded.
/// </summary>
public sealed class SpilledRuns : IFindingRuns, IDisposable
{
    private readonly List<IEnumerable<SequencedFinding>> runs = [];
    private readonly List<IEnumerable<RenderedEntry>> entries = [];
    private readonly FindingsJson.EntryRenderer renderer;
    private readonly bool withLocation;
    private readonly SpillFile? findingsFile;
    private readonly SpillFile entriesFile;

    /// <param name="withLocation">Whether the findings.json entries carry location: a shard's do (<see cref="FindingsJson.WithLocation"/>).</param>
    /// <param name="keepFindings">
    /// Whether the findings themselves are spilled too, for the writers that read them (SARIF,
    /// HTML); without them only <see cref="Rendered"/> can be read, and reading <see cref="Runs"/> throws.
    /// </param>
    public SpilledRuns(string parentDirectory, bool withLocation = false, bool keepFindings = true)
    {
        this.withLocation = withLocation;
        renderer = new FindingsJson.EntryRenderer(withLocation);
        OwnerOnlyFile.EnsureDirectory(parentDirectory);
        Directory = Path.Combine(parentDirectory, $".compliance-runs.{Environment.ProcessId}.{Guid.NewGuid():N}");
        OwnerOnlyFile.EnsureDirectory(Directory);
        findingsFile = keepFindings ? new SpillFile(Path.Combine(Directory, "findings.bin")) : null;
        entriesFile = new SpillFile(Path.Combine(Directory, "entries.bin"));
    }

    /// <summary>The folder the run files are in (removed on dispose).</summary>
    public string Directory { get; }

    public IReadOnlyList<IEnumerable<SequencedFinding>> Runs => runs;

    /// <summary>
    /// The findings.json entries of every run, merged into the order of <see cref="Runs"/>' merge;
    /// merged on a thread of their own, so that reading the runs back overlaps writing the entries.
    /// </summary>
    public RenderedFindings Rendered => new(withLocation, ReadAhead.Of(SortedMerge.Merge(entries, RenderedEntry.Order).Select(entry => entry.Json)));

    public void Add(List<SequencedFinding> sortedRun)
    {
        runs.Add(findingsFile is null ? NotKept() : findingsFile.Append(
            writer =>
            {
                writer.WriteCount(sortedRun.Count);
                foreach (var sequenced in sortedRun)
                {
                    writer.Write(sequenced);
                }
            },
            static reader => reader.Read()));

        entries.Add(entriesFile.Append(
            writer =>
            {
                writer.WriteCount(sortedRun.Count);
                foreach (var sequenced in sortedRun)
                {
                    writer.Write(sequenced.Place, renderer.Render(sequenced.Finding));
                }
            },
            static reader => reader.ReadEntry()));
    }

    public void Dispose()
    {
        try
        {
            findingsFile?.Dispose();
            entriesFile.Dispose();
        }
        finally
        {
            // Also when closing failed (a signal's handler closes the files while a run is being written).
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    private static IEnumerable<SequencedFinding> NotKept()
    {
        throw new InvalidOperationException("This check kept only its findings' findings.json entries, not the findings (SpilledRuns without keepFindings).");
#pragma warning disable CS0162 // makes this an iterator, so it throws when the findings are read, not when the run is kept
        yield break;
#pragma warning restore CS0162
    }
}
