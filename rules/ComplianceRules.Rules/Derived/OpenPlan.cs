using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>
/// A child protection or child in need plan open at D: the plans whose actions (<c>planActions[]</c>,
/// matched by <c>planId</c>) the Drift rules check.
/// </summary>
public sealed record OpenPlan(CaseRecord Plan, string Id, string Kind) : IDerivedFact
{
    public IEnumerable<CaseRecord> Sources => [Plan];
}

/// <summary>Derives an <see cref="OpenPlan"/> for every CP plan open at D.</summary>
[Name("Derive open plans (child protection)")]
[Priority(100)]
public sealed class OpenCpPlanAsPlanDerivation : OpenAtAsOfDerivation<CpPlan>
{
    protected override object Derive(CpPlan plan, CaseAsOf @case) => new OpenPlan(plan, plan.Id, "child protection plan");
}

/// <summary>Derives an <see cref="OpenPlan"/> for every CIN plan open at D.</summary>
[Name("Derive open plans (child in need)")]
[Priority(100)]
public sealed class OpenCinPlanAsPlanDerivation : OpenAtAsOfDerivation<CinPlan>
{
    protected override object Derive(CinPlan plan, CaseAsOf @case) => new OpenPlan(plan, plan.Id, "child in need plan");
}
