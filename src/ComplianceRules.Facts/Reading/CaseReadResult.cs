using ComplianceRules.Facts.Model;

namespace ComplianceRules.Facts.Reading;

/// <summary>
/// What reading one case object gave: every case in the input is either a <see cref="ReadCase"/>
/// or a <see cref="RejectedCase"/>, so cases read = evaluated + rejected; a reader told to read only
/// some cases (<see cref="CaseFileReader.Wanted"/>) gives an <see cref="UnreadCase"/> for the others.
/// </summary>
public abstract record CaseReadResult(CaseSource Source)
{
    private readonly string? shardKey;
    private readonly bool hasShardKey;

    /// <summary>
    /// The caseId that decides which shard owns the case (<c>--shard i/n</c>): the one it was read
    /// with, null when none could be; for a case from an NDJSON file read for a shard, the line's
    /// first caseId (<see cref="CaseFileReader.Wanted"/>), so that every shard decides alike.
    /// </summary>
    public string? ShardKey
    {
        get => hasShardKey ? shardKey : CaseIdAsRead;
        init => (shardKey, hasShardKey) = (value, true);
    }

    /// <summary>The case's caseId as far as it was read, null when it could not be.</summary>
    protected abstract string? CaseIdAsRead { get; }

    /// <summary>This result, or for an <see cref="UnparsedCase"/> what parsing it gives.</summary>
    public virtual CaseReadResult Parsed() => this;
}

/// <summary>A case file that follows case-file.md, ready for the rules.</summary>
public sealed record ReadCase(CaseFile Case)
    : CaseReadResult(Case.Source ?? throw new ArgumentException("A read case knows where it came from.", nameof(Case)))
{
    protected override string? CaseIdAsRead => Case.CaseId;
}

/// <summary>
/// A case file that case-file.md calls unreadable. <see cref="Source"/> is where the case (or the
/// unreadable rest of a file) starts; <see cref="Line"/> and <see cref="JsonPath"/> point at the problem.
/// </summary>
/// <param name="CaseId">The case's <c>caseId</c> when it could be read, else null.</param>
/// <param name="JsonPath">Rooted at the case object, e.g. <c>$.visits[2].date</c>.</param>
/// <param name="Problem">What is wrong, e.g. <c>"2026-02-30" is not a real calendar date</c>.</param>
public sealed record RejectedCase(CaseSource Source, int Line, string? CaseId, string JsonPath, string Problem)
    : CaseReadResult(Source)
{
    /// <summary><c>file:line: path: problem</c>, e.g. <c>cases/a.ndjson:14: $.visits[2]: missing required field "date"</c>.</summary>
    public string Message => $"{Source.File}:{Line}: {JsonPath}: {Problem}";

    public override string ToString() => Message;

    protected override string? CaseIdAsRead => CaseId;
}

/// <summary>
/// A case the reader was told not to read (another shard's): where it is and the caseId that says
/// so, nothing else; its content, good or bad, is for the shard that owns it.
/// </summary>
public sealed record UnreadCase(CaseSource Source, string? CaseId) : CaseReadResult(Source)
{
    protected override string? CaseIdAsRead => CaseId;
}

/// <summary>
/// An NDJSON line read but not yet parsed (<see cref="CaseFileReader.DeferParsing"/>): parsing it
/// (<see cref="Parsed"/>) gives the <see cref="ReadCase"/> or <see cref="RejectedCase"/> that
/// reading it at once would have.
/// </summary>
public sealed record UnparsedCase(CaseSource Source, string Line) : CaseReadResult(Source)
{
    // Property names repeat in every case; each thread keeps its own (the cache is not thread-safe).
    [ThreadStatic]
    private static PropertyNameCache? propertyNames;

    /// <summary>Parses the line (each time asked); safe on any thread.</summary>
    public override CaseReadResult Parsed() => CaseFileReader.ReadLine(Line, Source.File, Source.Line, propertyNames ??= new PropertyNameCache());

    /// <summary>The line's first caseId, as a shard would decide by (<see cref="CaseFileReader.FirstCaseId"/>).</summary>
    protected override string? CaseIdAsRead => CaseFileReader.FirstCaseId(Line);
}

/// <summary>The input itself cannot be read as asked (a missing path, a file that is not a case file container).</summary>
public sealed class InputException(string message) : Exception(message);
