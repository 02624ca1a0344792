using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Outputs;

/// <summary>Shard outputs that do not belong together, or are incomplete: the message says which file and why.</summary>
public sealed class ShardMergeException(string message) : Exception(message);

/// <summary>
/// Combines the findings.json of every shard of one run (<c>check --shard i/n</c>, i = 1..n) into
/// the report an unsharded run gives: the shards' sorted findings k-way merged, the summary
/// recomputed. A case's findings all live in one shard (a stable hash of its caseId; rejected
/// cases without one in shard 1), so merging in shard order keeps the unsharded order exactly.
/// </summary>
public static class ShardMerge
{
    /// <param name="paths">Each shard's findings.json, in any order.</param>
    /// <exception cref="ShardMergeException">Shards of different runs (asOf, profile, tool version), a shard missing or given twice, or a file that is not a shard's findings.json.</exception>
    public static CheckReport Merge(IReadOnlyList<string> paths)
    {
        var shards = paths.Select(Open).OrderBy(s => s.Header.Shard!.Index).ToList();
        var first = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            Agree(first, shard, "asOf", h => h.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Agree(first, shard, "profile SHA-256", h => h.Profile?.Sha256 ?? "(shipped defaults)");
            Agree(first, shard, "shard count", h => h.Shard!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var count = first.Header.Shard!.Count;
        foreach (var twice in shards.GroupBy(s => s.Header.Shard!.Index).Where(g => g.Count() > 1))
        {
            throw new ShardMergeException($"shard {twice.Key}/{count} is given twice: {string.Join(", ", twice.Select(s => s.Path))}");
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Header.Shard!.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new ShardMergeException($"shard {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing: every shard of the run is needed");
        }

        // A first pass counts the findings (the summary precedes them) and proves each shard sorted.
        var summary = new Summary();
        foreach (var shard in shards)
        {
            summary.CountCases(shard.Header.CasesEvaluated, shard.Header.CasesRejected);
            Unreadable(shard.Path, () => Count(shard, summary));
        }

        var findings = SortedMerge.Merge(shards.Select(s => s.Findings).ToList(), FindingOrder.Instance);
        return new CheckReport(first.Header.AsOf, Profile.Default with { Origin = first.Header.Profile }, summary, findings);
    }

    private static void Count(ShardFile shard, Summary summary)
    {
        Finding? previous = null;
        foreach (var finding in shard.Findings)
        {
            if (previous is not null && FindingOrder.Instance.Compare(previous, finding) > 0)
            {
                throw new ShardMergeException($"{shard.Path}: findings are not in findings.json's order (caseId {finding.Result.CaseId} after {previous.Result.CaseId})");
            }

            summary.Count(finding);
            previous = finding;
        }
    }

    /// <summary>Runs <paramref name="read"/>, turning a file that cannot be read as a findings.json (missing, truncated) into a merge error naming it.</summary>
    private static T Unreadable<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or Newtonsoft.Json.JsonException)
        {
            throw new ShardMergeException($"{path}: cannot be read as a findings.json: {error.Message}");
        }
    }

    private static void Unreadable(string path, Action read) => Unreadable(path, () =>
    {
        read();
        return true;
    });

    private static ShardFile Open(string path)
    {
        var (header, findings) = Unreadable(path, () => FindingsJsonReader.Open(path));

        if (header.Shard is null)
        {
            throw new ShardMergeException($"{path}: not a shard's output (no \"shard\"; run check with --shard i/n)");
        }

        if (header.ToolVersion != ToolInfo.Version)
        {
            throw new ShardMergeException($"{path}: written by {ToolInfo.Name} {header.ToolVersion ?? "(unknown version)"}, but this is {ToolInfo.Version}: merge with the version that ran the shards");
        }

        return new ShardFile(path, header, findings);
    }

    private static void Agree(ShardFile first, ShardFile other, string what, Func<FindingsHeader, string> value)
    {
        if (value(first.Header) != value(other.Header))
        {
            throw new ShardMergeException($"{other.Path}: {what} {value(other.Header)} differs from {first.Path}'s {value(first.Header)}: shards of different runs");
        }
    }

    private sealed record ShardFile(string Path, FindingsHeader Header, IEnumerable<Finding> Findings);
}
