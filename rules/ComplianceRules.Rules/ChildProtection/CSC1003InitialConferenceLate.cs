using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1003", "Initial conference late", RuleCategory.ChildProtection, Severity.Warning,
    Source = "Working Together to Safeguard Children 2023 (initial child protection conference within 15 working days of the strategy discussion)")]
[Description("A section 47 enquiry that leads, or may lead, to an initial child protection conference has that conference within N working days of the strategy discussion.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC1003InitialConferenceLate : ComplianceRule
{
    public override void Define()
    {
        var icpcWorkingDays = Parameter("icpc_working_days", 15, "Working days allowed from the strategy discussion to the initial conference");

        CaseAsOf @case = null!;
        S47Enquiry enquiry = null!;
        IEnumerable<Conference> candidates = null!;

        // Enquiries that ended in no further action or a child in need plan need no conference.
        When()
            .Match(() => @case)
            .Match(() => enquiry, s => s.Outcome == null || s.Outcome == S47Outcome.Icpc)
            .Query(() => candidates, q => q
                .Match<Conference>(c => c.Kind == ConferenceKind.Initial, c => c.S47Id == null || c.S47Id == enquiry.Id)
                .Collect());

        Then()
            .Do(ctx => ReportLateConference(ctx, @case, enquiry, candidates, icpcWorkingDays.Value));
    }

    private void ReportLateConference(IContext context, CaseAsOf @case, S47Enquiry enquiry, IEnumerable<Conference> candidates, int icpcWorkingDays)
    {
        // The conference linked to the enquiry is the event whatever its date; only without one
        // does the first unlinked initial conference on or after the strategy discussion count.
        var linked = candidates.Where(c => c.S47Id == enquiry.Id).ToArray();
        var events = linked.Length > 0 ? linked : candidates.ToArray();
        var due = @case.Dates.WorkingDays(enquiry.StrategyDiscussion, icpcWorkingDays);

        var links = RunChain(@case, enquiry.Id,
            new ChainDefinition<Conference>
            {
                // Events count from the first anchor; a linked conference dated before the strategy
                // discussion still counts, so the window opens at the earlier of the two.
                FirstAnchor = linked.Length > 0 ? Earlier(enquiry.StrategyDiscussion, linked.Min(c => c.Date)) : enquiry.StrategyDiscussion,
                Deadline = _ => due,
                Events = events,
                DateOf = conference => conference.Date,
                OpenAtAsOf = @case.IsOpen,
                SingleLink = true,
            });

        ReportBreaches(context, @case, links, "Initial conference", DelayUnit.WorkingDays, enquiry.Id,
            _ => new Dictionary<string, object?>
            {
                ["strategyDiscussion"] = enquiry.StrategyDiscussion,
                ["icpcWorkingDays"] = icpcWorkingDays,
            },
            detail: _ => $"strategy discussion {Phrases.Date(enquiry.StrategyDiscussion)}");
    }

    private static DateOnly Earlier(DateOnly date, DateOnly other) => other < date ? other : date;
}
