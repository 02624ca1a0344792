using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Tests;

/// <summary>With overlapping periods of care open at D, the derived open period is the earliest by start, then by id.</summary>
public sealed class OpenCarePeriodTests
{
    private static readonly DateOnly AsOf = new(2026, 2, 20);

    [Fact]
    public void Of_periods_open_at_D_the_earliest_start_wins_then_the_lower_id()
    {
        var open = OpenPeriodOf(
            new CarePeriod { Id = "P3", Start = new DateOnly(2025, 6, 1) },
            new CarePeriod { Id = "P2", Start = new DateOnly(2025, 3, 1) },
            new CarePeriod { Id = "P1", Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 5, 1) },
            new CarePeriod { Id = "P0", Start = new DateOnly(2025, 3, 1) });

        open.ShouldBe("P0");
    }

    [Fact]
    public void A_single_open_period_is_the_open_period()
    {
        OpenPeriodOf(new CarePeriod { Id = "P9", Start = new DateOnly(2025, 6, 1) }).ShouldBe("P9");
    }

    private static string OpenPeriodOf(params CarePeriod[] periods)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(OpenCarePeriodDerivation)));
        var session = repository.Compile().CreateSession();
        var dates = new DeadlineCalculator(WorkingDayCalendar.Default, DayCounting.Inclusive, AsOf);
        var file = new CaseFile { CaseId = "C1", LookedAfter = new Facts.Model.LookedAfter { Periods = periods } };
        CaseFacts.Insert(session, new CaseAsOf(file, dates, lookbackMonths: 6));
        session.Fire();
        return session.Query<OpenCarePeriod>().ShouldHaveSingleItem().Period.Id;
    }
}
