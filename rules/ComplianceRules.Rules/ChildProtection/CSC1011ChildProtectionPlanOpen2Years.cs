using ComplianceRules.Engine;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1011", "Child protection plan open 2 years", RuleCategory.ChildProtection, Severity.Warning,
    Source = "DfE Characteristics of children in need: child protection plans lasting 2 years or more")]
[Description("A child protection plan that has been open for 2 years or more, the DfE indicator of plans that have not achieved change.")]
[Reports(FindingStatus.Present)]
public sealed class CSC1011ChildProtectionPlanOpen2Years : LongOpenCpPlanRule
{
    protected override int DefaultMonths => 24;
}
