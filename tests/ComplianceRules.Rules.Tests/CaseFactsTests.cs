using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Generator;
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

    [Fact]
    public void Every_record_list_of_a_case_goes_in_whole_as_its_own_type()
    {
        // Generated cases between them hold records of every type. A list inserted under another
        // type would throw when first read; one left out, or another list under its type, shows here.
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(CaseFacts).Assembly));
        var factory = repository.Compile();
        var generator = new CaseGenerator(seed: 1, AsOf);
        var typesSeen = new HashSet<Type>();
        for (var index = 0; index < 300; index++)
        {
            var @case = new CaseAsOf(generator.Generate(index).File, new DeadlineCalculator(WorkingDayCalendar.Default, DayCounting.Inclusive, AsOf), lookbackMonths: 6);
            using var session = factory.CreateSession();
            CaseFacts.Insert(session, @case);
            var file = @case.Current; // the records as of D
            IReadOnlyList<CaseRecord>[] lists =
            [
                file.Allocations, file.Referrals, file.Assessments, file.S47Enquiries, file.Conferences, file.CpPlans,
                file.CinPlans, file.CoreGroups, file.PlanActions, file.Visits, file.Supervisions, file.ManagementOversight,
                file.Legal.PlanningMeetings, file.Legal.PreProceedings, file.Legal.Proceedings, file.LookedAfter.Periods,
                file.LookedAfter.Placements, file.LookedAfter.HealthAssessments, file.MissingEpisodes,
            ];
            var inMemory = session.Query<CaseRecord>().ToList();
            foreach (var list in lists)
            {
                typesSeen.UnionWith(list.Select(record => record.GetType()));
            }

            inMemory.ShouldBe(lists.SelectMany(list => list), ignoreOrder: true);
            session.Query<Visit>().ShouldBe(file.Visits);
            session.Query<CpPlan>().ShouldBe(file.CpPlans);
        }

        typesSeen.Count.ShouldBe(19);
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
