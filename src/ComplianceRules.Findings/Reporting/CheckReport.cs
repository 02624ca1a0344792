using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Findings.Reporting;

/// <summary>
/// The result of one check: what every output format writes. <see cref="Findings"/> are in
/// cli.md's order; writers read them once, front to back, since a large run streams them from disk.
/// <see cref="Shard"/> is set when only one shard of the cases was evaluated (<c>--shard i/n</c>).
/// </summary>
public sealed record CheckReport(DateOnly AsOf, Profile Profile, Summary Summary, IEnumerable<Finding> Findings, Shard? Shard = null);
