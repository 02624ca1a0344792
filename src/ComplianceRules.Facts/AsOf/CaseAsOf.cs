using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Facts.AsOf;

/// <summary>The case's status at D (rules.md "Open"): CP if a CP plan is open, else looked after, else in need.</summary>
public enum CaseStatus { ChildInNeed, ChildProtection, LookedAfter }

/// <summary>
/// One case as of the evaluation date D, with the notions every rule shares (is the case open,
/// since when, its status, the social worker allocated, the child's age) worked out once here
/// rather than re-derived in each rule.
/// </summary>
public sealed class CaseAsOf
{
    public CaseAsOf(CaseFile recorded, DeadlineCalculator dates, int lookbackMonths, ChainTrace? trace = null)
    {
        Recorded = recorded;
        Trace = trace;
        Dates = dates;
        Current = recorded.AsOf(dates.AsOf);
        LookbackStart = DeadlineCalculator.Months(dates.AsOf, -lookbackMonths);

        // Loops rather than LINQ: this runs for every case of a nightly run.
        var asOf = dates.AsOf;
        foreach (var records in OpeningRecords(Current))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var period = records[i];
                if (period.IsOpenOn(asOf) && (OpenDate is null || period.Start < OpenDate))
                {
                    OpenDate = period.Start;
                }
            }
        }

        Status = AnyOpenOn(Current.CpPlans, asOf) ? CaseStatus.ChildProtection
            : AnyOpenOn(Current.LookedAfter.Periods, asOf) ? CaseStatus.LookedAfter
            : CaseStatus.ChildInNeed;

        CurrentSocialWorker = CurrentAllocation(AllocationRole.SocialWorker);
    }

    /// <summary>The case file as written, future-dated records included (CSC0002 reads them).</summary>
    public CaseFile Recorded { get; }

    /// <summary>The case file as of D: what had happened by then.</summary>
    public CaseFile Current { get; }

    public DeadlineCalculator Dates { get; }

    /// <summary>Where the rules record the deadlines they compute on this case (chains, and single links); null (the nightly run) records nothing.</summary>
    public ChainTrace? Trace { get; }

    public DateOnly AsOf => Dates.AsOf;

    /// <summary>months(D, −lookbackMonths): late and missed findings due before it are not reported.</summary>
    public DateOnly LookbackStart { get; }

    public string CaseId => Recorded.CaseId;

    public string? Team => Recorded.Team;

    /// <summary>True when a referral episode, CP plan, CIN plan, period of care or pre-proceedings is open at D.</summary>
    public bool IsOpen => OpenDate is not null;

    /// <summary>The earliest start among the records open at D; null when the case is closed.</summary>
    public DateOnly? OpenDate { get; }

    /// <summary>The case's status at D; meaningful only while <see cref="IsOpen"/>.</summary>
    public CaseStatus Status { get; }

    /// <summary>The social worker allocation open at D (with two open, the later start); null when unallocated.</summary>
    public Allocation? CurrentSocialWorker { get; }

    public DateOnly? DateOfBirth => Current.Child.DateOfBirth;

    /// <summary>The allocation in <paramref name="role"/> open at D (with two open, the later start); null when there is none.</summary>
    public Allocation? CurrentAllocation(AllocationRole role)
    {
        Allocation? current = null;
        var allocations = Current.Allocations;
        for (var i = 0; i < allocations.Count; i++)
        {
            var allocation = allocations[i];
            if (allocation.Role == role && allocation.IsOpenOn(AsOf) && (current is null || allocation.Start > current.Start))
            {
                current = allocation;
            }
        }

        return current;
    }

    /// <summary>True when the case is open on <paramref name="date"/> (s47 enquiries and proceedings alone do not open it).</summary>
    public bool IsOpenOn(DateOnly date) => OpeningRecords(Current).Any(records => AnyOpenOn(records, date));

    /// <summary>Late and missed findings are reported only when due on or after <see cref="LookbackStart"/>.</summary>
    public bool IsWithinLookback(DateOnly date) => date >= LookbackStart;

    /// <summary>The child's birthday at <paramref name="age"/>; the caller has checked <see cref="DateOfBirth"/>.</summary>
    public DateOnly BirthdayAt(int age) => DeadlineCalculator.Birthday(RequireDateOfBirth(), age);

    /// <summary>The child's age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date) => DeadlineCalculator.AgeOn(RequireDateOfBirth(), date);

    private DateOnly RequireDateOfBirth() =>
        DateOfBirth ?? throw new InvalidOperationException($"Case {CaseId} has no date of birth; rules that need an age must check it first.");

    private static IReadOnlyList<IPeriod>[] OpeningRecords(CaseFile file) =>
        [file.Referrals, file.CpPlans, file.CinPlans, file.LookedAfter.Periods, file.Legal.PreProceedings];

    private static bool AnyOpenOn(IReadOnlyList<IPeriod> periods, DateOnly date)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].IsOpenOn(date))
            {
                return true;
            }
        }

        return false;
    }
}
