using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>Evaluates every case read and gathers the findings in cli.md's order.</summary>
public static class Check
{
    public static CheckReport Run(IEnumerable<CaseReadResult> cases, Evaluator evaluator)
    {
        var summary = new Summary();
        var findings = new List<Finding>();
        foreach (var read in cases)
        {
            switch (read)
            {
                case ReadCase readable:
                    summary.CountEvaluated();
                    findings.AddRange(evaluator.Evaluate(readable.Case));
                    break;
                case RejectedCase rejected:
                    summary.CountRejected();
                    findings.AddRange(evaluator.Reject(rejected));
                    break;
            }
        }

        // A stable sort: findings equal on cli.md's keys keep the engine's deterministic order.
        var sorted = findings.Order(FindingOrder.Instance).ToArray();
        foreach (var finding in sorted)
        {
            summary.Count(finding);
        }

        return new CheckReport(evaluator.AsOf, evaluator.Profile, summary, sorted);
    }
}
