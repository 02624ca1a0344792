using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Derived;

/// <summary>What kind of significant event (rules.md CSC3003).</summary>
public enum SignificantEventKind { StrategyDiscussion, MissingEpisodeStart }

/// <summary>
/// A change of circumstances that needs a manager's oversight: an s47 strategy discussion or the
/// start of a missing episode. <see cref="Record"/> is the s47 enquiry or the missing episode.
/// </summary>
public sealed record SignificantEvent(CaseRecord Record, string Id, DateOnly Date, SignificantEventKind Kind) : IDerivedFact
{
    /// <summary>"strategy discussion for s47 enquiry S1 on 3 Apr 2026", for messages.</summary>
    public string Describe() => Kind == SignificantEventKind.StrategyDiscussion
        ? $"strategy discussion for s47 enquiry {Id} on {Phrases.Date(Date)}"
        : $"missing episode {Id} started on {Phrases.Date(Date)}";

    public IEnumerable<CaseRecord> Sources => [Record];

    /// <summary>Every significant event of the case as of D.</summary>
    public static IEnumerable<SignificantEvent> In(CaseFile current) =>
        current.S47Enquiries
            .Select(s => new SignificantEvent(s, s.Id, s.StrategyDiscussion, SignificantEventKind.StrategyDiscussion))
            .Concat(current.MissingEpisodes
                .Select(m => new SignificantEvent(m, m.Id, m.Start, SignificantEventKind.MissingEpisodeStart)));
}

/// <summary>Derives the <see cref="SignificantEvent"/>s of each case.</summary>
[Name("Derive significant events")]
[Priority(100)]
public sealed class SignificantEventDerivation : Rule
{
    public override void Define()
    {
        CaseAsOf @case = null!;

        When()
            .Match(() => @case);

        Then()
            .Do(ctx => ctx.InsertAll(SignificantEvent.In(@case.Current)));
    }
}
