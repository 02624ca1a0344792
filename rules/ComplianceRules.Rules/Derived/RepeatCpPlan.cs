using ComplianceRules.Engine;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>
/// A CP plan that started strictly after an earlier CP plan ended (rules.md CSC1012). A plan that
/// starts on the day another ends is a change of category, not a repeat. Whether it is recent
/// enough is each consumer's own window (<see cref="StartedWithin"/>).
/// </summary>
public sealed record RepeatCpPlan(CpPlan Plan, CpPlan Earlier, DateOnly EarlierEnd) : IDerivedFact
{
    /// <summary>Started on or before months(earlier end, <paramref name="windowMonths"/>); 0 = ever.</summary>
    public bool StartedWithin(int windowMonths) =>
        windowMonths == 0 || Plan.Start <= DeadlineCalculator.Months(EarlierEnd, windowMonths);

    public IEnumerable<CaseRecord> Sources => [Plan, Earlier];
}

/// <summary>Derives a <see cref="RepeatCpPlan"/> for every pair of a plan and an earlier plan that ended before it started.</summary>
[Name("Derive repeat child protection plans")]
[Priority(100)]
public sealed class RepeatCpPlanDerivation : Rule
{
    public override void Define()
    {
        CpPlan plan = null!;
        CpPlan earlier = null!;

        When()
            .Match(() => plan)
            .Match(() => earlier, e => e.End != null, e => e.End < plan.Start);

        Then()
            .Do(ctx => ctx.Insert(new RepeatCpPlan(plan, earlier, earlier.End!.Value)));
    }
}
