using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Oversight;

namespace ComplianceRules.Rules.Tests;

/// <summary>CaseFacts.Insert puts into working memory only the record types the session's rule set can match.</summary>
public sealed class CaseFactsTests
{
    private static readonly DateOnly AsOf = new(2026, 2, 20);

    private static readonly CaseFile File = new()
    {
        CaseId = "C1",
        Visits = [new Visit { Date = new DateOnly(2026, 2, 2) }],
        Supervisions = [new Supervision { Date = new DateOnly(2026, 2, 3), SupervisorId = "M1" }],
    };

    [Fact]
    public void A_session_for_supervision_alone_holds_the_case_and_its_supervisions_but_not_its_visits()
    {
        // CSC3001 matches the case and queries supervisions; no pattern of it sees a visit.
        var session = SessionFor(x => x.From(typeof(CSC3001CaseSupervisionOverdue)));

        session.Query<CaseAsOf>().ShouldHaveSingleItem();
        session.Query<Supervision>().Select(s => s.Date).ShouldBe([new DateOnly(2026, 2, 3)]);
        session.Query<Visit>().ShouldBeEmpty();
    }

    [Fact]
    public void A_session_for_the_whole_catalogue_holds_every_record()
    {
        var session = SessionFor(x => x.From(typeof(CaseFacts).Assembly));

        session.Query<Supervision>().ShouldHaveSingleItem();
        session.Query<Visit>().Select(v => v.Date).ShouldBe([new DateOnly(2026, 2, 2)]);
    }

    private static ISession SessionFor(Action<IRuleLoadSpec> rules)
    {
        var repository = new RuleRepository();
        repository.Load(rules);
        var session = repository.Compile().CreateSession();
        var dates = new DeadlineCalculator(WorkingDayCalendar.Default, DayCounting.Inclusive, AsOf);
        CaseFacts.Insert(session, new CaseAsOf(File, dates, lookbackMonths: 6));
        return session;
    }
}
