using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceRules.Facts.Reading;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, <c>--shard 2/3</c>): a stable hash
/// partition of the cases by caseId, so that every machine of a national run agrees which cases
/// are its own. The hash is the first 8 bytes of SHA-256 over the caseId's UTF-8, read big-endian,
/// modulo <see cref="Count"/>, plus 1: the same on every run, machine and .NET version.
/// </summary>
public sealed record Shard
{
    public Shard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"A shard is i/n with 1 <= i <= n, not {index}/{count}.");
        }

        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    /// <summary>Parses <c>i/n</c>; null when the text is not of that form with 1 &lt;= i &lt;= n.</summary>
    public static Shard? TryParse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count
                ? new Shard(index, count)
                : null;
    }

    /// <summary>The shard (1-based) that owns the case with <paramref name="caseId"/>.</summary>
    public static int Of(string caseId, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(caseId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>True when this shard evaluates the case (by its <see cref="CaseReadResult.ShardKey"/>).</summary>
    public bool Owns(CaseReadResult read) => Owns(read.ShardKey);

    /// <summary>
    /// True when this shard evaluates the case with <paramref name="caseId"/>. A case whose caseId
    /// could not be read (null) belongs to shard 1, so that the shards together still count every
    /// case exactly once.
    /// </summary>
    public bool Owns(string? caseId) => (caseId is null ? 1 : Of(caseId, Count)) == Index;

    public override string ToString() => $"{Index}/{Count}";
}
