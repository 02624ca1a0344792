using ComplianceRules.Facts.Model;

namespace ComplianceRules.Testing;

/// <summary>
/// A case file built in code for a unit test of one rule, record by record, over the case-file
/// model. Each record gets the path the reader would give it (<c>visits[1]</c>,
/// <c>lookedAfter.periods[0]</c>), so evidence reads as it does for a file.
/// <code>
/// CaseBuilder.Case("C1").CpPlan("CPP1", start: new(2026, 1, 28)).Visit(new(2026, 2, 11))
///     .AsOf(new(2026, 2, 20))
///     .ShouldReport("CSC1001", status: FindingStatus.Late, dueDate: new(2026, 2, 10));
/// </code>
/// </summary>
public sealed class CaseBuilder
{
    private readonly List<Allocation> allocations = [];
    private readonly List<Referral> referrals = [];
    private readonly List<S47Enquiry> s47Enquiries = [];
    private readonly List<Conference> conferences = [];
    private readonly List<CpPlan> cpPlans = [];
    private readonly List<Visit> visits = [];
    private readonly List<Supervision> supervisions = [];
    private readonly List<CarePeriod> carePeriods = [];
    private readonly List<DatedRecord> lookedAfterReviews = [];
    private CaseFile file;

    private CaseBuilder(string caseId) => file = new CaseFile { CaseId = caseId };

    public static CaseBuilder Case(string caseId = "C1") => new(caseId);

    /// <summary>The team that holds the case: a profile's <c>teams</c> entry for it applies.</summary>
    public CaseBuilder Team(string team)
    {
        file = file with { Team = team };
        return this;
    }

    public CaseBuilder BornOn(DateOnly dateOfBirth)
    {
        file = file with { Child = new Child { DateOfBirth = dateOfBirth } };
        return this;
    }

    public CaseBuilder SocialWorker(string workerId, DateOnly start, DateOnly? end = null) =>
        Add(allocations, "allocations", path => new Allocation { WorkerId = workerId, Role = AllocationRole.SocialWorker, Start = start, End = end, Path = path });

    public CaseBuilder Referral(string id, DateOnly date, DateOnly? closed = null) =>
        Add(referrals, "referrals", path => new Referral { Id = id, Date = date, Closed = closed, Path = path });

    public CaseBuilder S47Enquiry(string id, DateOnly strategyDiscussion, S47Outcome? outcome = S47Outcome.Icpc) =>
        Add(s47Enquiries, "s47Enquiries", path => new S47Enquiry { Id = id, StrategyDiscussion = strategyDiscussion, Outcome = outcome, Path = path });

    public CaseBuilder Conference(string id, ConferenceKind kind, DateOnly date, string? s47Id = null) =>
        Add(conferences, "conferences", path => new Conference { Id = id, Kind = kind, Date = date, S47Id = s47Id, Path = path });

    public CaseBuilder CpPlan(string id, DateOnly start, DateOnly? end = null) =>
        Add(cpPlans, "cpPlans", path => new CpPlan { Id = id, Start = start, End = end, Path = path });

    /// <summary>A statutory visit; <paramref name="seen"/> false is a visit where the child was not seen (it does not count).</summary>
    public CaseBuilder Visit(DateOnly date, bool seen = true, bool? seenAlone = null) =>
        Add(visits, "visits", path => new Visit { Date = date, Seen = seen, SeenAlone = seenAlone, Path = path });

    public CaseBuilder Supervision(DateOnly date, string supervisorId = "TM01") =>
        Add(supervisions, "supervisions", path => new Supervision { Date = date, SupervisorId = supervisorId, Path = path });

    /// <summary>A period of care (<c>lookedAfter.periods[]</c>).</summary>
    public CaseBuilder CarePeriod(string id, DateOnly start, DateOnly? end = null) =>
        Add(carePeriods, "lookedAfter.periods", path => new CarePeriod { Id = id, Start = start, End = end, Path = path });

    public CaseBuilder LookedAfterReview(DateOnly date) =>
        Add(lookedAfterReviews, "lookedAfter.reviews", path => new DatedRecord { Date = date, Path = path });

    public CaseFile Build() => file with
    {
        Allocations = allocations.ToArray(),
        Referrals = referrals.ToArray(),
        S47Enquiries = s47Enquiries.ToArray(),
        Conferences = conferences.ToArray(),
        CpPlans = cpPlans.ToArray(),
        Visits = visits.ToArray(),
        Supervisions = supervisions.ToArray(),
        LookedAfter = new LookedAfter { Periods = carePeriods.ToArray(), Reviews = lookedAfterReviews.ToArray() },
    };

    /// <summary>The evaluation date D: what to check the case against.</summary>
    public RuleCheck AsOf(DateOnly asOf) => new(Build(), asOf);

    private CaseBuilder Add<T>(List<T> records, string array, Func<string, T> create)
    {
        records.Add(create($"{array}[{records.Count}]"));
        return this;
    }
}
