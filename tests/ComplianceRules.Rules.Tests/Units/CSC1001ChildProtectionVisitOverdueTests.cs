using ComplianceRules.Rules.Catalog;
using ComplianceRules.Testing;

namespace ComplianceRules.Rules.Tests.Units;

/// <summary>CSC1001: chain per CP plan, d = wd(A, 10) inclusive, events = visits where the child was seen.</summary>
public sealed class CSC1001ChildProtectionVisitOverdueTests
{
    /// <summary>Plan from Wed 2026-01-28: wd(2026-01-28, 10) counts Jan 28, 29, 30, Feb 2, 3, 4, 5, 6, 9, 10 -> Tue 2026-02-10.</summary>
    private static CaseBuilder PlanFrom28January() => CaseBuilder.Case("C1").CpPlan("CPP1", start: new(2026, 1, 28));

    [Fact]
    public void A_visit_the_day_after_the_deadline_is_late()
    {
        // Next deadline wd(2026-02-11, 10) = Feb 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 -> 2026-02-24, after D.
        PlanFrom28January().Visit(new(2026, 2, 11))
            .AsOf(new(2026, 2, 20))
            .ShouldReport("CSC1001", status: FindingStatus.Late, dueDate: new(2026, 2, 10), subjectId: "CPP1", metOn: new(2026, 2, 11))
            .ShouldNotReport("CSC1001", status: FindingStatus.Overdue);
    }

    [Fact]
    public void A_visit_on_the_deadline_day_meets_it_and_the_next_one_falls_due_from_it()
    {
        // Met on Tue 2026-02-10; next d = wd(2026-02-10, 10) = Feb 10, 11, 12, 13, 16, 17, 18, 19, 20, 23 -> Mon 2026-02-23,
        // passed by D = Wed 2026-03-04 with no visit: overdue.
        PlanFrom28January().Visit(new(2026, 2, 10))
            .AsOf(new(2026, 3, 4))
            .ShouldNotReport("CSC1001", status: FindingStatus.Late)
            .ShouldReport("CSC1001", status: FindingStatus.Overdue, dueDate: new(2026, 2, 23));
    }

    [Fact]
    public void A_visit_where_the_child_was_not_seen_does_not_count()
    {
        // No counted visit: the first deadline, 2026-02-10, has passed by D with the plan open.
        PlanFrom28January().Visit(new(2026, 2, 5), seen: false)
            .AsOf(new(2026, 2, 20))
            .ShouldReport("CSC1001", status: FindingStatus.Overdue, dueDate: new(2026, 2, 10));
    }

    [Fact]
    public void Bank_holidays_are_not_counted()
    {
        // Plan from Thu 2026-04-02; Good Friday 3 Apr and Easter Monday 6 Apr are bank holidays:
        // Apr 2 (1), 7, 8, 9, 10 (5), 13, 14, 15, 16, 17 (10) -> Fri 2026-04-17. A visit on Mon 20 Apr is late.
        CaseBuilder.Case().CpPlan("CPP1", start: new(2026, 4, 2)).Visit(new(2026, 4, 20))
            .AsOf(new(2026, 4, 24))
            .ShouldReport("CSC1001", status: FindingStatus.Late, dueDate: new(2026, 4, 17), metOn: new(2026, 4, 20));
    }

    [Fact]
    public void A_longer_interval_from_the_profile_makes_the_same_visit_on_time()
    {
        // wd(2026-01-28, 20): Jan 28-30 (3), Feb 2-6 (8), 9-13 (13), 16-20 (18), 23 (19), 24 (20) -> 2026-02-24.
        PlanFrom28January().Visit(new(2026, 2, 11))
            .AsOf(new(2026, 2, 20))
            .WithParameter("CSC1001", "visit_interval_working_days", 20)
            .ShouldNotReport("CSC1001");
    }

    [Fact]
    public void A_teams_interval_applies_to_its_cases()
    {
        PlanFrom28January().Team("Disabled Children").Visit(new(2026, 2, 11))
            .AsOf(new(2026, 2, 20))
            .WithProfile("""{ "teams": { "Disabled Children": { "rules": { "CSC1001": { "visit_interval_working_days": 20 } } } } }""")
            .ShouldNotReport("CSC1001");
    }
}
