using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Findings.Reporting;

/// <summary>The result of one check: what every output format writes.</summary>
public sealed record CheckReport(DateOnly AsOf, Profile Profile, Summary Summary, IReadOnlyList<Finding> Findings);
