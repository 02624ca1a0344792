using ComplianceRules.Rules.Catalog;
using ComplianceRules.Testing;

namespace ComplianceRules.Rules.Tests.Units;

/// <summary>
/// CSC6002: chain per period of care; first d = wd(start, 20), then months(A, 3). Period from Mon 2026-03-02:
/// Mar 2-6 (5), 9-13 (10), 16-20 (15), 23-27 (20) -> Fri 2026-03-27.
/// </summary>
public sealed class CSC6002LookedAfterReviewOverdueTests
{
    private static CaseBuilder InCare() => CaseBuilder.Case().CarePeriod("P1", start: new(2026, 3, 2));

    [Fact]
    public void No_first_review_by_D_is_overdue()
    {
        InCare().AsOf(new(2026, 4, 1))
            .ShouldReport("CSC6002", status: FindingStatus.Overdue, dueDate: new(2026, 3, 27), subjectId: "P1");
    }

    [Fact]
    public void A_first_review_on_the_deadline_meets_it_and_the_second_is_due_three_months_later()
    {
        // Second d = months(2026-03-27, 3) = 2026-06-27: passed by D = 2026-07-01 with no review.
        InCare().LookedAfterReview(new(2026, 3, 27))
            .AsOf(new(2026, 7, 1))
            .ShouldNotReport("CSC6002", dueDate: new(2026, 3, 27))
            .ShouldReport("CSC6002", status: FindingStatus.Overdue, dueDate: new(2026, 6, 27));
    }

    [Fact]
    public void A_first_review_after_the_deadline_is_late()
    {
        InCare().LookedAfterReview(new(2026, 3, 30))
            .AsOf(new(2026, 4, 1))
            .ShouldReport("CSC6002", status: FindingStatus.Late, dueDate: new(2026, 3, 27), metOn: new(2026, 3, 30));
    }
}
