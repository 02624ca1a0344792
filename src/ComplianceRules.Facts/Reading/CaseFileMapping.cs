using ComplianceRules.Facts.Model;

namespace ComplianceRules.Facts.Reading;

/// <summary>
/// case-file.md's fields, one method per object: which properties it has, their types, which are
/// required, and their defaults. Unknown properties are skipped (forward compatibility).
/// </summary>
internal static class CaseFileMapping
{
    private const string SupportedSchemaVersion = "1";

    public static CaseFile ReadCase(CaseTokenReader r, CaseSource source)
    {
        string? caseId = null, team = null;
        Child? child = null;
        IReadOnlyList<Allocation> allocations = [];
        IReadOnlyList<Referral> referrals = [];
        IReadOnlyList<Assessment> assessments = [];
        IReadOnlyList<S47Enquiry> s47Enquiries = [];
        IReadOnlyList<Conference> conferences = [];
        IReadOnlyList<CpPlan> cpPlans = [];
        IReadOnlyList<CinPlan> cinPlans = [];
        IReadOnlyList<CoreGroup> coreGroups = [];
        IReadOnlyList<PlanAction> planActions = [];
        IReadOnlyList<Visit> visits = [];
        IReadOnlyList<Supervision> supervisions = [];
        IReadOnlyList<ManagementOversight> managementOversight = [];
        Legal? legal = null;
        LookedAfter? lookedAfter = null;
        IReadOnlyList<MissingEpisode> missingEpisodes = [];
        CareLeaver? careLeaver = null;

        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "schemaVersion": CheckSchemaVersion(r, field); break;
                case "caseId": caseId = r.String(field); r.NoteCaseId(caseId); break;
                case "child": child = r.Object(field, ReadChild); break;
                case "team": team = r.String(field); break;
                case "allocations": allocations = r.Records(field, ReadAllocation); break;
                case "referrals": referrals = r.Records(field, ReadReferral); break;
                case "assessments": assessments = r.Records(field, ReadAssessment); break;
                case "s47Enquiries": s47Enquiries = r.Records(field, ReadS47Enquiry); break;
                case "conferences": conferences = r.Records(field, ReadConference); break;
                case "cpPlans": cpPlans = r.Records(field, ReadCpPlan); break;
                case "cinPlans": cinPlans = r.Records(field, ReadCinPlan); break;
                case "coreGroups": coreGroups = r.Records(field, ReadCoreGroup); break;
                case "planActions": planActions = r.Records(field, ReadPlanAction); break;
                case "visits": visits = r.Records(field, ReadVisit); break;
                case "supervisions": supervisions = r.Records(field, ReadSupervision); break;
                case "managementOversight": managementOversight = r.Records(field, ReadManagementOversight); break;
                case "legal": legal = r.Object(field, ReadLegal); break;
                case "lookedAfter": lookedAfter = r.Object(field, ReadLookedAfter); break;
                case "missingEpisodes": missingEpisodes = r.Records(field, ReadMissingEpisode); break;
                case "careLeaver": careLeaver = r.Object(field, ReadCareLeaver); break;
                default: r.SkipValue(); break;
            }
        }

        return new CaseFile
        {
            CaseId = r.Required(caseId, "caseId"),
            Child = child ?? new(),
            Team = team,
            Allocations = allocations,
            Referrals = referrals,
            Assessments = assessments,
            S47Enquiries = s47Enquiries,
            Conferences = conferences,
            CpPlans = cpPlans,
            CinPlans = cinPlans,
            CoreGroups = coreGroups,
            PlanActions = planActions,
            Visits = visits,
            Supervisions = supervisions,
            ManagementOversight = managementOversight,
            Legal = legal ?? new(),
            LookedAfter = lookedAfter ?? new(),
            MissingEpisodes = missingEpisodes,
            CareLeaver = careLeaver ?? new(),
            Source = source,
        };
    }

    /// <summary>Absent or null means version 1; any other version's meaning is unknown to this reader.</summary>
    private static void CheckSchemaVersion(CaseTokenReader r, string field)
    {
        if (r.Integer(field) is { } version && version != SupportedSchemaVersion)
            throw r.Invalid(field, $"schema version {version} is not supported (supported: {SupportedSchemaVersion})");
    }

    private static Child ReadChild(CaseTokenReader r)
    {
        DateOnly? dateOfBirth = null, expectedDateOfBirth = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "dateOfBirth": dateOfBirth = r.Date(field); break;
                case "expectedDateOfBirth": expectedDateOfBirth = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Child { DateOfBirth = dateOfBirth, ExpectedDateOfBirth = expectedDateOfBirth };
    }

    private static Allocation ReadAllocation(CaseTokenReader r)
    {
        string? workerId = null, team = null;
        AllocationRole? role = null;
        DateOnly? start = null, end = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "workerId": workerId = r.String(field); break;
                case "role": role = r.Enum<AllocationRole>(field); break;
                case "team": team = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "end": end = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Allocation
        {
            WorkerId = r.Required(workerId, "workerId"),
            Role = r.Required(role, "role"),
            Team = team,
            Start = r.Required(start, "start"),
            End = end,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Referral ReadReferral(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? date = null, closed = null;
        bool? nfa = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "date": date = r.Date(field); break;
                case "nfa": nfa = r.Bool(field); break;
                case "closed": closed = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Referral
        {
            Id = r.Required(id, "id"),
            Date = r.Required(date, "date"),
            Nfa = nfa ?? false,
            Closed = closed,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Assessment ReadAssessment(CaseTokenReader r)
    {
        string? id = null, referralId = null;
        DateOnly? start = null, authorised = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "referralId": referralId = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "authorised": authorised = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Assessment
        {
            Id = r.Required(id, "id"),
            ReferralId = referralId,
            Start = r.Required(start, "start"),
            Authorised = authorised,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static S47Enquiry ReadS47Enquiry(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? strategyDiscussion = null;
        S47Outcome? outcome = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "strategyDiscussion": strategyDiscussion = r.Date(field); break;
                case "outcome": outcome = r.Enum<S47Outcome>(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new S47Enquiry
        {
            Id = r.Required(id, "id"),
            StrategyDiscussion = r.Required(strategyDiscussion, "strategyDiscussion"),
            Outcome = outcome,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Conference ReadConference(CaseTokenReader r)
    {
        string? id = null, s47Id = null;
        ConferenceKind? kind = null;
        DateOnly? date = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "kind": kind = r.Enum<ConferenceKind>(field); break;
                case "date": date = r.Date(field); break;
                case "s47Id": s47Id = r.String(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Conference
        {
            Id = r.Required(id, "id"),
            Kind = r.Required(kind, "kind"),
            Date = r.Required(date, "date"),
            S47Id = s47Id,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static CpPlan ReadCpPlan(CaseTokenReader r)
    {
        string? id = null, category = null;
        DateOnly? start = null, end = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "end": end = r.Date(field); break;
                case "category": category = r.String(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new CpPlan
        {
            Id = r.Required(id, "id"),
            Start = r.Required(start, "start"),
            End = end,
            Category = category,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static CinPlan ReadCinPlan(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? start = null, end = null;
        IReadOnlyList<DatedRecord> reviews = [];
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "end": end = r.Date(field); break;
                case "reviews": reviews = r.DatedRecords(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new CinPlan
        {
            Id = r.Required(id, "id"),
            Start = r.Required(start, "start"),
            End = end,
            Reviews = reviews,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static CoreGroup ReadCoreGroup(CaseTokenReader r)
    {
        DateOnly? date = null;
        string? cpPlanId = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "cpPlanId": cpPlanId = r.String(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new CoreGroup { Date = r.Required(date, "date"), CpPlanId = cpPlanId, Path = r.ObjectPath, Line = r.ObjectLine };
    }

    /// <summary><c>description</c> is not read: no rule uses it, so it is treated like an unknown field.</summary>
    private static PlanAction ReadPlanAction(CaseTokenReader r)
    {
        string? planId = null, owner = null;
        DateOnly? due = null, completed = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "planId": planId = r.String(field); break;
                case "owner": owner = r.String(field); break;
                case "due": due = r.Date(field); break;
                case "completed": completed = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new PlanAction
        {
            PlanId = r.Required(planId, "planId"),
            Owner = owner,
            Due = due,
            Completed = completed,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Visit ReadVisit(CaseTokenReader r)
    {
        DateOnly? date = null;
        bool? seen = null, seenAlone = null;
        string? workerId = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "seen": seen = r.Bool(field); break;
                case "seenAlone": seenAlone = r.Bool(field); break;
                case "workerId": workerId = r.String(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Visit
        {
            Date = r.Required(date, "date"),
            Seen = seen ?? true,
            SeenAlone = seenAlone,
            WorkerId = workerId,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Supervision ReadSupervision(CaseTokenReader r)
    {
        DateOnly? date = null;
        string? supervisorId = null, workerId = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "supervisorId": supervisorId = r.String(field); break;
                case "workerId": workerId = r.String(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Supervision
        {
            Date = r.Required(date, "date"),
            SupervisorId = r.Required(supervisorId, "supervisorId"),
            WorkerId = workerId,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static ManagementOversight ReadManagementOversight(CaseTokenReader r)
    {
        DateOnly? date = null;
        string? managerId = null;
        OversightEvent? oversightEvent = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "managerId": managerId = r.String(field); break;
                case "event": oversightEvent = r.Enum<OversightEvent>(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new ManagementOversight
        {
            Date = r.Required(date, "date"),
            ManagerId = r.Required(managerId, "managerId"),
            Event = oversightEvent ?? OversightEvent.General,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Legal ReadLegal(CaseTokenReader r)
    {
        IReadOnlyList<LegalPlanningMeeting> planningMeetings = [];
        IReadOnlyList<PreProceedings> preProceedings = [];
        IReadOnlyList<Proceedings> proceedings = [];
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "planningMeetings": planningMeetings = r.Records(field, ReadLegalPlanningMeeting); break;
                case "preProceedings": preProceedings = r.Records(field, ReadPreProceedings); break;
                case "proceedings": proceedings = r.Records(field, ReadProceedings); break;
                default: r.SkipValue(); break;
            }
        }
        return new Legal { PlanningMeetings = planningMeetings, PreProceedings = preProceedings, Proceedings = proceedings };
    }

    private static LegalPlanningMeeting ReadLegalPlanningMeeting(CaseTokenReader r)
    {
        DateOnly? date = null;
        LegalPlanningOutcome? outcome = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "outcome": outcome = r.Enum<LegalPlanningOutcome>(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new LegalPlanningMeeting { Date = r.Required(date, "date"), Outcome = outcome, Path = r.ObjectPath, Line = r.ObjectLine };
    }

    private static PreProceedings ReadPreProceedings(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? start = null, letterBeforeProceedings = null, initialMeeting = null, end = null;
        IReadOnlyList<DatedRecord> reviewMeetings = [];
        PreProceedingsOutcome? outcome = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "letterBeforeProceedings": letterBeforeProceedings = r.Date(field); break;
                case "initialMeeting": initialMeeting = r.Date(field); break;
                case "reviewMeetings": reviewMeetings = r.DatedRecords(field); break;
                case "end": end = r.Date(field); break;
                case "outcome": outcome = r.Enum<PreProceedingsOutcome>(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new PreProceedings
        {
            Id = r.Required(id, "id"),
            Start = r.Required(start, "start"),
            LetterBeforeProceedings = letterBeforeProceedings,
            InitialMeeting = initialMeeting,
            ReviewMeetings = reviewMeetings,
            End = end,
            Outcome = outcome,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static Proceedings ReadProceedings(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? issued = null, concluded = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "issued": issued = r.Date(field); break;
                case "concluded": concluded = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Proceedings
        {
            Id = r.Required(id, "id"),
            Issued = r.Required(issued, "issued"),
            Concluded = concluded,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static LookedAfter ReadLookedAfter(CaseTokenReader r)
    {
        IReadOnlyList<CarePeriod> periods = [];
        IReadOnlyList<Placement> placements = [];
        IReadOnlyList<DatedRecord> reviews = [], peps = [];
        IReadOnlyList<HealthAssessment> healthAssessments = [];
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "periods": periods = r.Records(field, ReadCarePeriod); break;
                case "placements": placements = r.Records(field, ReadPlacement); break;
                case "reviews": reviews = r.DatedRecords(field); break;
                case "healthAssessments": healthAssessments = r.Records(field, ReadHealthAssessment); break;
                case "peps": peps = r.DatedRecords(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new LookedAfter
        {
            Periods = periods,
            Placements = placements,
            Reviews = reviews,
            HealthAssessments = healthAssessments,
            Peps = peps,
        };
    }

    private static CarePeriod ReadCarePeriod(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? start = null, end = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "end": end = r.Date(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new CarePeriod { Id = r.Required(id, "id"), Start = r.Required(start, "start"), End = end, Path = r.ObjectPath, Line = r.ObjectLine };
    }

    private static Placement ReadPlacement(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? start = null, end = null;
        bool? withParents = null, longTerm = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "end": end = r.Date(field); break;
                case "withParents": withParents = r.Bool(field); break;
                case "longTerm": longTerm = r.Bool(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new Placement
        {
            Id = r.Required(id, "id"),
            Start = r.Required(start, "start"),
            End = end,
            WithParents = withParents ?? false,
            LongTerm = longTerm ?? false,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static HealthAssessment ReadHealthAssessment(CaseTokenReader r)
    {
        DateOnly? date = null;
        HealthAssessmentKind? kind = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "date": date = r.Date(field); break;
                case "kind": kind = r.Enum<HealthAssessmentKind>(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new HealthAssessment { Date = r.Required(date, "date"), Kind = r.Required(kind, "kind"), Path = r.ObjectPath, Line = r.ObjectLine };
    }

    private static MissingEpisode ReadMissingEpisode(CaseTokenReader r)
    {
        string? id = null;
        DateOnly? start = null;
        DateTime? returned = null;
        ReturnInterview? returnInterview = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "id": id = r.String(field); break;
                case "start": start = r.Date(field); break;
                case "returned": returned = r.DateTime(field); break;
                case "returnInterview": returnInterview = r.Object(field, ReadReturnInterview); break;
                default: r.SkipValue(); break;
            }
        }
        return new MissingEpisode
        {
            Id = r.Required(id, "id"),
            Start = r.Required(start, "start"),
            Returned = returned,
            ReturnInterview = returnInterview,
            Path = r.ObjectPath,
            Line = r.ObjectLine,
        };
    }

    private static ReturnInterview ReadReturnInterview(CaseTokenReader r)
    {
        DateTime? offered = null, completed = null;
        bool? declined = null;
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "offered": offered = r.DateTime(field); break;
                case "completed": completed = r.DateTime(field); break;
                case "declined": declined = r.Bool(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new ReturnInterview { Offered = offered, Completed = completed, Declined = declined ?? false };
    }

    private static CareLeaver ReadCareLeaver(CaseTokenReader r)
    {
        IReadOnlyList<DatedRecord> pathwayPlans = [];
        while (r.NextProperty(out var field))
        {
            switch (field)
            {
                case "pathwayPlans": pathwayPlans = r.DatedRecords(field); break;
                default: r.SkipValue(); break;
            }
        }
        return new CareLeaver { PathwayPlans = pathwayPlans };
    }
}
