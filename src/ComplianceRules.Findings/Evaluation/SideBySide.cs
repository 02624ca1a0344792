using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>One case as read, and its findings under each evaluator (in the evaluators' order, engine order within).</summary>
public sealed record CaseUnderProfiles(CaseReadResult Read, IReadOnlyList<IReadOnlyList<Finding>> Findings);

/// <summary>
/// Evaluates each case under several profiles while it is in memory, so the input is read once
/// however many profiles are compared (<c>compliance tune</c>, <c>compliance diff</c>). Streams:
/// one case at a time, nothing kept; each evaluator's rule set was compiled once, before the first case.
/// </summary>
public static class SideBySide
{
    public static IEnumerable<CaseUnderProfiles> Evaluate(IEnumerable<CaseReadResult> cases, IReadOnlyList<Evaluator> evaluators)
    {
        foreach (var read in cases)
        {
            var findings = new IReadOnlyList<Finding>[evaluators.Count];
            for (var i = 0; i < evaluators.Count; i++)
            {
                findings[i] = evaluators[i].Evaluate(read);
            }

            yield return new CaseUnderProfiles(read, findings);
        }
    }
}

/// <summary>How many cases a comparison read: cases read = evaluated + rejected, as in findings.json's summary.</summary>
public sealed class CaseCount
{
    public int Evaluated { get; private set; }
    public int Rejected { get; private set; }
    public int Read => Evaluated + Rejected;

    public void Count(CaseReadResult read)
    {
        if (read is RejectedCase)
        {
            Rejected++;
        }
        else
        {
            Evaluated++;
        }
    }
}
