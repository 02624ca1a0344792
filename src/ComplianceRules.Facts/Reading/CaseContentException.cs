namespace ComplianceRules.Facts.Reading;

/// <summary>
/// Raised while mapping a case object whose content case-file.md forbids. It never leaves the
/// reader: the case becomes a <see cref="RejectedCase"/> and reading goes on.
/// </summary>
internal sealed class CaseContentException(string jsonPath, int line, string problem) : Exception(problem)
{
    public string JsonPath { get; } = jsonPath;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
