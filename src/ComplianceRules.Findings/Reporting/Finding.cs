using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Reporting;

/// <summary>A rule's finding as reported: with the severity the profile gives it, its category, fingerprint and suppression.</summary>
public sealed record Finding(RuleFinding Result, Severity Severity, RuleCategory Category, AppliedSuppression? Suppression)
{
    /// <summary>
    /// Built from ruleId, caseId, subjectId and dueDate only, so the same problem keeps the same
    /// fingerprint from night to night, whatever its severity or message. "v1" versions the key.
    /// </summary>
    public string Fingerprint { get; } = FingerprintOf(Result);

    /// <summary>True when an unexpired suppression covers it: it is written, but never counts for --fail-on.</summary>
    public bool IsSuppressed => Suppression is { Expired: false };

    /// <summary>The first 32 hex digits of SHA-256("v1|ruleId|caseId|subjectId|yyyy-MM-dd") over UTF-8; a null part is empty.</summary>
    public static string FingerprintOf(RuleFinding result) => FingerprintOf(result.RuleId, result.CaseId, result.SubjectId, result.DueDate);

    /// <inheritdoc cref="FingerprintOf(RuleFinding)"/>
    public static string FingerprintOf(string ruleId, string? caseId, string? subjectId, DateOnly? dueDate)
    {
        // One per finding: the key is written as UTF-8 straight into a buffer (on the stack unless
        // an id is huge) and only the 16 bytes shown are turned into hex, so the fingerprint is the
        // only string made.
        const int StackKeyBytes = 256;
        var keyChars = ruleId.Length + (caseId?.Length ?? 0) + (subjectId?.Length ?? 0) + "v1||||yyyy-MM-dd".Length;
        var maxKeyBytes = Encoding.UTF8.GetMaxByteCount(keyChars);
        var key = maxKeyBytes <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[maxKeyBytes];
        // The date is written apart: formatting a DateOnly? inside the string would box it. "O" is
        // YYYY-MM-DD for a DateOnly, without parsing a custom pattern for every finding.
        var dateLength = 0;
        if (!Utf8.TryWrite(key, $"v1|{ruleId}|{caseId}|{subjectId}|", out var prefixLength)
            || (dueDate is { } due && !due.TryFormat(key[prefixLength..], out dateLength, "O", CultureInfo.InvariantCulture)))
        {
            throw new InvalidOperationException("A fingerprint key outgrew its buffer, which is sized for it.");
        }

        var keyLength = prefixLength + dateLength;

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key[..keyLength], hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}

/// <summary>The suppression that matched a finding; an expired one no longer suppresses, but the finding says it once was.</summary>
public sealed record AppliedSuppression(Suppression Entry, bool Expired);

/// <summary>The fields cli.md orders findings by, apart from the finding (what a pre-rendered findings.json entry is sorted by).</summary>
public readonly record struct FindingKey(string? CaseId, string RuleId, DateOnly? DueDate, string? SubjectId)
{
    public static FindingKey Of(RuleFinding result) => new(result.CaseId, result.RuleId, result.DueDate, result.SubjectId);
}

/// <summary>cli.md's order: caseId, ruleId, dueDate, subjectId (ordinal; null before any value), so two runs diff cleanly.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        return Compare(FindingKey.Of(x.Result), FindingKey.Of(y.Result));
    }

    public static int Compare(in FindingKey a, in FindingKey b)
    {
        var order = string.CompareOrdinal(a.CaseId, b.CaseId);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.RuleId, b.RuleId);
        }

        if (order == 0)
        {
            order = Nullable.Compare(a.DueDate, b.DueDate);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.SubjectId, b.SubjectId);
        }

        return order;
    }
}
