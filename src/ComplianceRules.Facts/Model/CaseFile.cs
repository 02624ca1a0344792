namespace ComplianceRules.Facts.Model;

/// <summary>Where a case file came from: the file and the line its object starts on.</summary>
public sealed record CaseSource(string File, int Line);

/// <summary>
/// One child's case file, as case-file.md defines it. Absent, null and empty arrays all read
/// as empty lists, so rules never test for null collections.
/// </summary>
public sealed record CaseFile
{
    public int SchemaVersion { get; init; } = 1;
    public required string CaseId { get; init; }
    public Child Child { get; init; } = new();
    public string? Team { get; init; }
    public IReadOnlyList<Allocation> Allocations { get; init; } = [];
    public IReadOnlyList<Referral> Referrals { get; init; } = [];
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];
    public IReadOnlyList<S47Enquiry> S47Enquiries { get; init; } = [];
    public IReadOnlyList<Conference> Conferences { get; init; } = [];
    public IReadOnlyList<CpPlan> CpPlans { get; init; } = [];
    public IReadOnlyList<CinPlan> CinPlans { get; init; } = [];
    public IReadOnlyList<CoreGroup> CoreGroups { get; init; } = [];
    public IReadOnlyList<PlanAction> PlanActions { get; init; } = [];
    public IReadOnlyList<Visit> Visits { get; init; } = [];
    public IReadOnlyList<Supervision> Supervisions { get; init; } = [];
    public IReadOnlyList<ManagementOversight> ManagementOversight { get; init; } = [];
    public Legal Legal { get; init; } = new();
    public LookedAfter LookedAfter { get; init; } = new();
    public IReadOnlyList<MissingEpisode> MissingEpisodes { get; init; } = [];
    public CareLeaver CareLeaver { get; init; } = new();

    /// <summary>Where the case was read from; null for cases built in code.</summary>
    public CaseSource? Source { get; init; }
}

public sealed record Child
{
    /// <summary>Null for an unborn child (or when not recorded).</summary>
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? ExpectedDateOfBirth { get; init; }
}

public enum AllocationRole { SocialWorker, PersonalAdviser, TeamManager, Other }

public sealed record Allocation : CaseRecord, IPeriod
{
    public required string WorkerId { get; init; }
    public required AllocationRole Role { get; init; }
    public string? Team { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
}

/// <summary>An episode of need, from referral to closure (SSD <c>ssd_cin_episodes</c>).</summary>
public sealed record Referral : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Date { get; init; }
    public bool Nfa { get; init; }
    public DateOnly? Closed { get; init; }

    DateOnly IPeriod.Start => Date;

    /// <summary>The episode ends on <c>closed</c>; a no-further-action referral without one closed on its own date.</summary>
    public DateOnly? End => Closed ?? (Nfa ? Date : null);
}

public sealed record Assessment : CaseRecord, IIdentifiedRecord
{
    public required string Id { get; init; }
    public string? ReferralId { get; init; }
    public required DateOnly Start { get; init; }

    /// <summary>Null while the assessment is not completed.</summary>
    public DateOnly? Authorised { get; init; }
}

public enum S47Outcome { Icpc, Nfa, Cin }

public sealed record S47Enquiry : CaseRecord, IIdentifiedRecord
{
    public required string Id { get; init; }
    public required DateOnly StrategyDiscussion { get; init; }

    /// <summary>Null while not yet decided.</summary>
    public S47Outcome? Outcome { get; init; }
}

public enum ConferenceKind { Initial, Review }

public sealed record Conference : CaseRecord, IIdentifiedRecord
{
    public required string Id { get; init; }
    public required ConferenceKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public string? S47Id { get; init; }
}

public sealed record CpPlan : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public string? Category { get; init; }
}

public sealed record CinPlan : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public IReadOnlyList<DatedRecord> Reviews { get; init; } = [];
}

public sealed record CoreGroup : CaseRecord
{
    public required DateOnly Date { get; init; }
    public string? CpPlanId { get; init; }
}

public sealed record PlanAction : CaseRecord
{
    public required string PlanId { get; init; }
    public string? Owner { get; init; }
    public DateOnly? Due { get; init; }
    public DateOnly? Completed { get; init; }
}

public sealed record Visit : CaseRecord
{
    public required DateOnly Date { get; init; }

    /// <summary>A visit where the child was not seen does not count as a visit.</summary>
    public bool Seen { get; init; } = true;
    public bool? SeenAlone { get; init; }
    public string? WorkerId { get; init; }
}

public sealed record Supervision : CaseRecord
{
    public required DateOnly Date { get; init; }
    public required string SupervisorId { get; init; }
    public string? WorkerId { get; init; }
}

public enum OversightEvent { General, PlanStart, PlanEnd, Closure, StepDown, Assessment, SignificantEvent }

public sealed record ManagementOversight : CaseRecord
{
    public required DateOnly Date { get; init; }
    public required string ManagerId { get; init; }
    public OversightEvent Event { get; init; } = OversightEvent.General;
}

/// <summary>A date-only record (a looked-after review, a PEP, a pathway plan, a CIN plan review).</summary>
public sealed record DatedRecord : CaseRecord
{
    public required DateOnly Date { get; init; }
}

public sealed record Legal
{
    public IReadOnlyList<LegalPlanningMeeting> PlanningMeetings { get; init; } = [];
    public IReadOnlyList<PreProceedings> PreProceedings { get; init; } = [];
    public IReadOnlyList<Proceedings> Proceedings { get; init; } = [];
}

public enum LegalPlanningOutcome { PreProceedings, Issue, ThresholdNotMet, ContinueToMonitor }

/// <summary>A legal gateway / planning meeting: the record that PLO was considered.</summary>
public sealed record LegalPlanningMeeting : CaseRecord
{
    public required DateOnly Date { get; init; }
    public LegalPlanningOutcome? Outcome { get; init; }
}

public enum PreProceedingsOutcome { StepDown, Issued }

/// <summary>PLO pre-proceedings, open until <see cref="End"/> whatever the outcome says.</summary>
public sealed record PreProceedings : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? LetterBeforeProceedings { get; init; }
    public DateOnly? InitialMeeting { get; init; }
    public IReadOnlyList<DatedRecord> ReviewMeetings { get; init; } = [];
    public DateOnly? End { get; init; }
    public PreProceedingsOutcome? Outcome { get; init; }
}

public sealed record Proceedings : CaseRecord, IIdentifiedRecord
{
    public required string Id { get; init; }
    public required DateOnly Issued { get; init; }
    public DateOnly? Concluded { get; init; }
}

public sealed record LookedAfter
{
    public IReadOnlyList<CarePeriod> Periods { get; init; } = [];
    public IReadOnlyList<Placement> Placements { get; init; } = [];
    public IReadOnlyList<DatedRecord> Reviews { get; init; } = [];
    public IReadOnlyList<HealthAssessment> HealthAssessments { get; init; } = [];
    public IReadOnlyList<DatedRecord> Peps { get; init; } = [];
}

/// <summary>A period of care (<c>lookedAfter.periods[]</c>).</summary>
public sealed record CarePeriod : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
}

public sealed record Placement : CaseRecord, IIdentifiedRecord, IPeriod
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public bool WithParents { get; init; }

    /// <summary>Intended to last until the child is 18.</summary>
    public bool LongTerm { get; init; }
}

public enum HealthAssessmentKind { Initial, Review }

public sealed record HealthAssessment : CaseRecord
{
    public required DateOnly Date { get; init; }
    public required HealthAssessmentKind Kind { get; init; }
}

public sealed record MissingEpisode : CaseRecord, IIdentifiedRecord
{
    public required string Id { get; init; }
    public required DateOnly Start { get; init; }

    /// <summary>Local UK time; a date-only value is the start of that day.</summary>
    public DateTime? Returned { get; init; }
    public ReturnInterview? ReturnInterview { get; init; }
}

public sealed record ReturnInterview
{
    public DateTime? Offered { get; init; }
    public DateTime? Completed { get; init; }
    public bool Declined { get; init; }
}

public sealed record CareLeaver
{
    public IReadOnlyList<DatedRecord> PathwayPlans { get; init; } = [];
}
