using ComplianceRules.Engine;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1010", "Child protection plan open 9 months", RuleCategory.ChildProtection, Severity.Info,
    Source = "Ofsted monitoring findings: long-standing child protection plans not reviewed for drift")]
[Description("A child protection plan that has been open for 9 months or more, so that managers can check it is still making progress.")]
[Reports(FindingStatus.Present)]
public sealed class CSC1010ChildProtectionPlanOpen9Months : LongOpenCpPlanRule
{
    protected override int DefaultMonths => 9;
}
