namespace ComplianceRules.Rules.Catalog;

/// <summary>
/// What a rule reports about one case, before the profile decides its severity or suppression.
/// Rules insert it into the session; the check collects it after <c>Fire()</c>.
/// </summary>
public sealed record RuleFinding
{
    public required string RuleId { get; init; }
    public required string? CaseId { get; init; }
    public string? SubjectId { get; init; }
    public required FindingStatus Status { get; init; }

    /// <summary>The deadline for timeliness rules; null for state rules.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>For <c>late</c>: the date the deadline was finally met.</summary>
    public DateOnly? MetOn { get; init; }

    /// <summary>Phrased for people; holds no names or free text from the case.</summary>
    public required string Message { get; init; }

    /// <summary>The values that produced the finding: dates, counts, thresholds used.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();

    /// <summary>The records that matched, by their path in the case file (<c>cpPlans[0]</c>, <c>visits[1]</c>).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? Team { get; init; }
    public string? WorkerId { get; init; }

    /// <summary>Where an unreadable case was found (CSC0001 only).</summary>
    public FindingSource? Source { get; init; }

    /// <summary>The line of the record the finding is about, for viewers; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>The case file the finding is about, for viewers; null when unknown.</summary>
    public string? File { get; init; }
}

/// <summary>File, line and JSON path of a rejected case file.</summary>
public sealed record FindingSource(string File, int Line, string JsonPath);
