using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Profiles;

/// <summary>Matches findings to the profile's suppressions.</summary>
public static class Suppressions
{
    /// <summary>
    /// The suppression that covers <paramref name="finding"/>: same rule and case, and the same
    /// subject where the entry names one. An active one wins over an expired one.
    /// </summary>
    public static AppliedSuppression? Find(Profile profile, RuleFinding finding, DateOnly asOf)
    {
        AppliedSuppression? expired = null;
        foreach (var entry in profile.Suppressions)
        {
            if (entry.RuleId != finding.RuleId
                || entry.CaseId != finding.CaseId
                || (entry.SubjectId is not null && entry.SubjectId != finding.SubjectId))
            {
                continue;
            }

            if (entry.Expires is { } expires && expires < asOf)
            {
                expired ??= new AppliedSuppression(entry, Expired: true);
                continue;
            }

            return new AppliedSuppression(entry, Expired: false);
        }

        return expired;
    }
}
