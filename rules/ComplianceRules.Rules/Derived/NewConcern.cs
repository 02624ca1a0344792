using ComplianceRules.Engine;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>
/// A new concern on a case (rules.md CSC4005): a missing episode's start, or a referral dated on
/// a day another referral episode of the case is open. <see cref="Id"/> is the missing episode's
/// or the referral's id.
/// </summary>
public sealed record NewConcern(CaseRecord Record, string Id, DateOnly Date, string Kind, IReadOnlyList<Referral> OpenEpisodes) : IDerivedFact
{
    public IEnumerable<CaseRecord> Sources => [Record, .. OpenEpisodes];
}

/// <summary>Every missing episode is a new concern from the day it starts.</summary>
[Name("Derive new concerns (missing episodes)")]
[Priority(100)]
public sealed class MissingEpisodeConcernDerivation : Rule
{
    public override void Define()
    {
        MissingEpisode episode = null!;

        When()
            .Match(() => episode);

        Then()
            .Do(ctx => ctx.Insert(new NewConcern(episode, episode.Id, episode.Start, "missing episode", Array.Empty<Referral>())));
    }
}

/// <summary>
/// A referral dated on a day another referral episode is open is a new concern on an open case.
/// The other episode may be dated the same day: it is open on its own date unless it closed that day.
/// </summary>
[Name("Derive new concerns (referrals during an open episode)")]
[Priority(100)]
public sealed class ReferralConcernDerivation : Rule
{
    public override void Define()
    {
        Referral referral = null!;
        IEnumerable<Referral> openEpisodes = null!;

        When()
            .Match(() => referral)
            .Query(() => openEpisodes, q => q
                .Match<Referral>(o => o.Id != referral.Id, o => o.IsOpenOn(referral.Date))
                .Collect())
            .Having(() => openEpisodes.Any());

        Then()
            .Do(ctx => ctx.Insert(new NewConcern(referral, referral.Id, referral.Date, "referral", openEpisodes.ToArray())));
    }
}
