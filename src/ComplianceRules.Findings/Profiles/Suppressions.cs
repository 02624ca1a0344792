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
        // Asked for every finding: an index loop, as foreach over the interface would allocate an enumerator each time.
        AppliedSuppression? expired = null;
        var entries = profile.Suppressions;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
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
