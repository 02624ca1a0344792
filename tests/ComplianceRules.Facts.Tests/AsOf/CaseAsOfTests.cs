using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.AsOf;

/// <summary>The notions every rule shares (rules.md "Open", "As-of date", ages), worked out once in <see cref="CaseAsOf"/>.</summary>
public class CaseAsOfTests
{
    private static readonly DateOnly AsOf = Date("2026-11-20");

    private static CaseAsOf Case(CaseFile file) =>
        new(file, new DeadlineCalculator(WorkingDayCalendar.Default, DayCounting.Inclusive, AsOf), lookbackMonths: 6);

    [Fact]
    public void The_open_date_is_the_earliest_start_among_the_records_open_at_D()
    {
        var @case = Case(new CaseFile
        {
            CaseId = "C1",
            Referrals = [new Referral { Id = "R1", Date = Date("2026-03-02") }],
            CpPlans = [new CpPlan { Id = "CPP0", Start = Date("2025-01-06"), End = Date("2025-09-01") }, new CpPlan { Id = "CPP1", Start = Date("2026-05-04") }],
            Legal = new Legal { PreProceedings = [new PreProceedings { Id = "PP1", Start = Date("2026-02-02"), End = Date("2026-11-20") }] },
        });

        // CPP0 ended before D and PP1 ends on D itself (not open on its end date): R1 from 2 March is the earliest open.
        @case.IsOpen.ShouldBeTrue();
        @case.OpenDate.ShouldBe(Date("2026-03-02"));
    }

    [Fact]
    public void Enquiries_and_proceedings_alone_do_not_open_a_case_and_a_no_further_action_referral_closes_on_its_date()
    {
        var @case = Case(new CaseFile
        {
            CaseId = "C1",
            Referrals = [new Referral { Id = "R1", Date = Date("2026-11-20"), Nfa = true }],
            S47Enquiries = [new S47Enquiry { Id = "S1", StrategyDiscussion = Date("2026-11-02") }],
            Legal = new Legal { Proceedings = [new Proceedings { Id = "PR1", Issued = Date("2026-06-01") }] },
        });

        @case.IsOpen.ShouldBeFalse();
        @case.OpenDate.ShouldBeNull();
        @case.IsOpenOn(Date("2026-11-20")).ShouldBeFalse();
    }

    [Fact]
    public void An_end_after_D_is_no_end_and_a_record_starting_after_D_has_not_happened()
    {
        var @case = Case(new CaseFile
        {
            CaseId = "C1",
            CinPlans = [new CinPlan { Id = "CIN1", Start = Date("2026-06-01"), End = Date("2026-12-01") }],
            CpPlans = [new CpPlan { Id = "CPP1", Start = Date("2026-11-23") }],
        });

        @case.Current.CinPlans.ShouldHaveSingleItem().End.ShouldBeNull();
        @case.Current.CpPlans.ShouldBeEmpty();
        @case.Recorded.CpPlans.ShouldHaveSingleItem();
        @case.OpenDate.ShouldBe(Date("2026-06-01"));
        @case.Status.ShouldBe(CaseStatus.ChildInNeed);
    }

    [Theory]
    [InlineData(true, true, CaseStatus.ChildProtection)]
    [InlineData(false, true, CaseStatus.LookedAfter)]
    [InlineData(false, false, CaseStatus.ChildInNeed)]
    public void Status_at_D_is_cp_before_cla_before_cin(bool cpPlanOpen, bool lookedAfter, CaseStatus expected)
    {
        var @case = Case(new CaseFile
        {
            CaseId = "C1",
            Referrals = [new Referral { Id = "R1", Date = Date("2026-01-05") }],
            CpPlans = cpPlanOpen ? [new CpPlan { Id = "CPP1", Start = Date("2026-02-02") }] : [],
            LookedAfter = new LookedAfter { Periods = lookedAfter ? [new CarePeriod { Id = "P1", Start = Date("2026-03-02") }] : [] },
        });

        @case.Status.ShouldBe(expected);
    }

    [Fact]
    public void The_current_allocation_of_a_role_is_the_one_open_at_D_with_the_later_start()
    {
        var @case = Case(new CaseFile
        {
            CaseId = "C1",
            Allocations =
            [
                new Allocation { WorkerId = "SW1", Role = AllocationRole.SocialWorker, Start = Date("2026-09-10") },
                new Allocation { WorkerId = "SW2", Role = AllocationRole.SocialWorker, Start = Date("2026-09-20") },
                new Allocation { WorkerId = "SW3", Role = AllocationRole.SocialWorker, Start = Date("2026-10-01"), End = Date("2026-11-20") },
                new Allocation { WorkerId = "PA1", Role = AllocationRole.PersonalAdviser, Start = Date("2026-11-21") },
            ],
        });

        // SW3 ended on D (not open on its end date); PA1 starts after D.
        @case.CurrentSocialWorker!.WorkerId.ShouldBe("SW2");
        @case.CurrentAllocation(AllocationRole.SocialWorker).ShouldBeSameAs(@case.CurrentSocialWorker);
        @case.CurrentAllocation(AllocationRole.PersonalAdviser).ShouldBeNull();
        @case.CurrentAllocation(AllocationRole.TeamManager).ShouldBeNull();
    }

    [Theory]
    [InlineData("2008-02-29", "2026-02-28", 17)] // the 18th birthday of a leap-day child falls on 1 March 2026
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2024-02-29", 16)] // a real 29 February
    [InlineData("2010-08-31", "2026-08-30", 15)]
    [InlineData("2010-08-31", "2026-08-31", 16)]
    public void Age_on_a_date_counts_from_birthdays(string dateOfBirth, string on, int age)
    {
        var @case = Case(new CaseFile { CaseId = "C1", Child = new Child { DateOfBirth = Date(dateOfBirth) } });

        @case.AgeOn(Date(on)).ShouldBe(age);
    }

    [Fact]
    public void A_date_of_birth_after_D_has_not_happened_and_an_age_is_then_refused()
    {
        var @case = Case(new CaseFile { CaseId = "C1", Child = new Child { DateOfBirth = Date("2026-12-01") } });

        @case.DateOfBirth.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => @case.AgeOn(AsOf)).Message.ShouldContain("C1");
    }
}
