namespace ComplianceRules.Findings.Profiles;

/// <summary>A mistake in a profile: names the file, line and column, what is wrong, and a suggestion where there is one.</summary>
public sealed class ProfileException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
