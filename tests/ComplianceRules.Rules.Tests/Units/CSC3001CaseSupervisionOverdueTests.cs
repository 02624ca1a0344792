using ComplianceRules.Rules.Catalog;
using ComplianceRules.Testing;

namespace ComplianceRules.Rules.Tests.Units;

/// <summary>CSC3001: a case open at D on a CP plan needs supervision every 30 days: d = days(latest supervision, 30), overdue when d &lt; D.</summary>
public sealed class CSC3001CaseSupervisionOverdueTests
{
    private static readonly DateOnly AsOf = new(2026, 2, 20);

    private static CaseBuilder OnAPlan() => CaseBuilder.Case()
        .CpPlan("CPP1", start: new(2026, 1, 5))
        .SocialWorker("SW1", start: new(2026, 1, 5));

    [Fact]
    public void Supervision_31_days_before_D_is_overdue()
    {
        // days(2026-01-20, 30) = 2026-02-19 < D = 2026-02-20.
        OnAPlan().Supervision(new(2026, 1, 20))
            .AsOf(AsOf)
            .ShouldReport("CSC3001", status: FindingStatus.Overdue, dueDate: new(2026, 2, 19), subjectId: null);
    }

    [Fact]
    public void The_latest_supervision_counts_wherever_the_file_lists_it()
    {
        // Listed latest first: days(2026-01-20, 30) = 2026-02-19 < D, not days(2026-01-10, 30) = 2026-02-09.
        OnAPlan().Supervision(new(2026, 1, 20)).Supervision(new(2026, 1, 10))
            .AsOf(AsOf)
            .ShouldReport("CSC3001", status: FindingStatus.Overdue, dueDate: new(2026, 2, 19))
            .ShouldNotReport("CSC3001", dueDate: new(2026, 2, 9));
    }

    [Fact]
    public void Supervision_due_on_D_is_not_yet_overdue()
    {
        // days(2026-01-21, 30) = 2026-02-20 = D: not before D.
        OnAPlan().Supervision(new(2026, 1, 21))
            .AsOf(AsOf)
            .ShouldNotReport("CSC3001");
    }

    [Fact]
    public void Without_supervision_the_interval_counts_from_the_later_of_the_open_date_and_the_allocation()
    {
        // Allocated 2026-01-16, after the plan's start: days(2026-01-16, 30) = 2026-02-15 < D.
        CaseBuilder.Case().CpPlan("CPP1", start: new(2026, 1, 5)).SocialWorker("SW1", start: new(2026, 1, 16))
            .AsOf(AsOf)
            .ShouldReport("CSC3001", status: FindingStatus.Overdue, dueDate: new(2026, 2, 15));
    }
}
