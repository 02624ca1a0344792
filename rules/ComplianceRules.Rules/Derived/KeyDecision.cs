using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>What a key decision ended (rules.md CSC3002).</summary>
public enum KeyDecisionKind { CpPlanEnd, CinPlanEnd, ReferralClosure, CarePeriodEnd, PreProceedingsStepDown }

/// <summary>
/// A key decision as of D: the end of a CP plan, a CIN plan, a referral episode (a no-further-action
/// referral without <c>closed</c> ends on its own date) or a period of care, or pre-proceedings
/// ended with outcome <c>stepDown</c>. <see cref="Record"/> is the record that ended.
/// </summary>
public sealed record KeyDecision(CaseRecord Record, string Id, DateOnly Date, KeyDecisionKind Kind) : IDerivedFact
{
    /// <summary>"child protection plan CPP1 ended on 3 Apr 2026", for messages.</summary>
    public string Describe() => Kind switch
    {
        KeyDecisionKind.CpPlanEnd => $"child protection plan {Id} ended on {Phrases.Date(Date)}",
        KeyDecisionKind.CinPlanEnd => $"child in need plan {Id} ended on {Phrases.Date(Date)}",
        KeyDecisionKind.ReferralClosure => $"referral {Id} closed on {Phrases.Date(Date)}",
        KeyDecisionKind.CarePeriodEnd => $"period of care {Id} ended on {Phrases.Date(Date)}",
        _ => $"pre-proceedings {Id} stepped down on {Phrases.Date(Date)}",
    };

    public IEnumerable<CaseRecord> Sources => [Record];

    /// <summary>Every key decision of the case as of D (ends after D are already null there).</summary>
    public static IEnumerable<KeyDecision> In(CaseFile current)
    {
        foreach (var plan in current.CpPlans)
        {
            if (plan.End is { } end)
            {
                yield return new KeyDecision(plan, plan.Id, end, KeyDecisionKind.CpPlanEnd);
            }
        }

        foreach (var plan in current.CinPlans)
        {
            if (plan.End is { } end)
            {
                yield return new KeyDecision(plan, plan.Id, end, KeyDecisionKind.CinPlanEnd);
            }
        }

        foreach (var referral in current.Referrals)
        {
            if (referral.End is { } end)
            {
                yield return new KeyDecision(referral, referral.Id, end, KeyDecisionKind.ReferralClosure);
            }
        }

        foreach (var period in current.LookedAfter.Periods)
        {
            if (period.End is { } end)
            {
                yield return new KeyDecision(period, period.Id, end, KeyDecisionKind.CarePeriodEnd);
            }
        }

        foreach (var preProceedings in current.Legal.PreProceedings)
        {
            if (preProceedings is { End: { } end, Outcome: PreProceedingsOutcome.StepDown })
            {
                yield return new KeyDecision(preProceedings, preProceedings.Id, end, KeyDecisionKind.PreProceedingsStepDown);
            }
        }
    }
}

/// <summary>Derives the <see cref="KeyDecision"/>s of each case.</summary>
[Name("Derive key decisions")]
[Priority(100)]
public sealed class KeyDecisionDerivation : Rule
{
    public override void Define()
    {
        CaseAsOf @case = null!;

        When()
            .Match(() => @case);

        Then()
            .Do(ctx => ctx.InsertAll(KeyDecision.In(@case.Current)));
    }
}
