using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>A child protection plan open at D, with how long it has been open.</summary>
public sealed record OpenCpPlan(CpPlan Plan, DateOnly AsOf) : IDerivedFact
{
    /// <summary>True when months(start, <paramref name="months"/>) ≤ D: the plan has been open at least that long.</summary>
    public bool OpenFor(int months) => DeadlineCalculator.Months(Plan.Start, months) <= AsOf;

    public IEnumerable<CaseRecord> Sources => [Plan];
}

/// <summary>Derives an <see cref="OpenCpPlan"/> for every CP plan open at D.</summary>
[Name("Derive open child protection plans")]
[Priority(100)]
public sealed class OpenCpPlanDerivation : OpenAtAsOfDerivation<CpPlan>
{
    protected override object Derive(CpPlan plan, CaseAsOf @case) => new OpenCpPlan(plan, @case.AsOf);
}
