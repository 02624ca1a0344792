using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>
/// The child is looked after at D: the period of care open at D. With overlapping periods (which
/// CSC0003 reports) it is the earliest by start, then by id, so a case yields at most one.
/// </summary>
public sealed record OpenCarePeriod(CarePeriod Period) : IDerivedFact
{
    public IEnumerable<CaseRecord> Sources => [Period];
}

/// <summary>Derives the <see cref="OpenCarePeriod"/> of a case looked after at D.</summary>
[Name("Derive the period of care open at D")]
[Priority(100)]
public sealed class OpenCarePeriodDerivation : Rule
{
    public override void Define()
    {
        CaseAsOf @case = null!;
        IEnumerable<CarePeriod> open = null!;

        When()
            .Match(() => @case)
            .Query(() => open, q => q
                .Match<CarePeriod>(p => p.IsOpenOn(@case.AsOf))
                .Collect())
            .Having(() => open.Any());

        Then()
            .Do(ctx => ctx.Insert(new OpenCarePeriod(Earliest(open))));
    }

    /// <summary>The first by start, then id; of equals, the first matched. A fold, not a sort: there is nearly always one.</summary>
    private static CarePeriod Earliest(IEnumerable<CarePeriod> periods) =>
        periods.Aggregate(static (earliest, period) =>
            period.Start < earliest.Start || (period.Start == earliest.Start && string.CompareOrdinal(period.Id, earliest.Id) < 0) ? period : earliest);
}
