using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Testing;

namespace ComplianceRules.Rules.Tests.Units;

/// <summary>
/// CSC1003: per s47 enquiry with outcome icpc, d = wd(strategy discussion, 15), single link.
/// Strategy discussion Thu 2026-01-08: Jan 8 (1), 9 (2), 12-16 (7), 19-23 (12), 26 (13), 27 (14), 28 (15) -> Wed 2026-01-28.
/// </summary>
public sealed class CSC1003InitialConferenceLateTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);

    private static CaseBuilder Enquiry() => CaseBuilder.Case().S47Enquiry("S1", strategyDiscussion: new(2026, 1, 8));

    [Fact]
    public void A_conference_on_the_deadline_day_is_on_time()
    {
        Enquiry().Conference("K1", ConferenceKind.Initial, new(2026, 1, 28), s47Id: "S1")
            .AsOf(AsOf)
            .ShouldNotReport("CSC1003");
    }

    [Fact]
    public void A_conference_the_day_after_is_late()
    {
        Enquiry().Conference("K1", ConferenceKind.Initial, new(2026, 1, 29), s47Id: "S1")
            .AsOf(AsOf)
            .ShouldReport("CSC1003", status: FindingStatus.Late, dueDate: new(2026, 1, 28), subjectId: "S1", metOn: new(2026, 1, 29));
    }

    [Fact]
    public void No_conference_is_overdue_while_the_case_is_open_and_missed_once_it_has_closed()
    {
        // The referral of 2026-01-05 keeps the case open at D; closed on 2026-02-13, the case is closed at D.
        Enquiry().Referral("R1", new(2026, 1, 5))
            .AsOf(AsOf)
            .ShouldReport("CSC1003", status: FindingStatus.Overdue, dueDate: new(2026, 1, 28));
        Enquiry().Referral("R1", new(2026, 1, 5), closed: new(2026, 2, 13))
            .AsOf(AsOf)
            .ShouldReport("CSC1003", status: FindingStatus.Missed, dueDate: new(2026, 1, 28));
    }

    [Fact]
    public void An_enquiry_ending_in_no_further_action_is_not_checked()
    {
        CaseBuilder.Case().S47Enquiry("S1", new(2026, 1, 8), S47Outcome.Nfa).Referral("R1", new(2026, 1, 5))
            .AsOf(AsOf)
            .ShouldNotReport("CSC1003");
    }
}
