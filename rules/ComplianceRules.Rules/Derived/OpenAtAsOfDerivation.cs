using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.Derived;

/// <summary>
/// The one shape of every "record open at D" derivation: for each <typeparamref name="TRecord"/>
/// open at D (rules.md "Open"), insert the fact <see cref="Derive"/> makes of it.
/// </summary>
public abstract class OpenAtAsOfDerivation<TRecord> : Rule
    where TRecord : CaseRecord, IPeriod
{
    public override void Define()
    {
        CaseAsOf @case = null!;
        TRecord record = null!;

        When()
            .Match(() => @case)
            .Match(() => record, r => r.IsOpenOn(@case.AsOf));

        Then()
            .Do(ctx => ctx.Insert(Derive(record, @case)));
    }

    protected abstract object Derive(TRecord record, CaseAsOf @case);
}
