using Bogus;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Generator;

/// <summary>
/// Builds one generated case: a child's history up to D, episode by episode, with each stream of
/// events (visits, supervisions, reviews, meetings) at its statutory cadence, mostly on time,
/// sometimes late, now and then stopped (a deadline missed or overdue).
/// </summary>
internal sealed class CaseBuilder
{
    /// <summary>A stream's share of gaps that run late, and of streams that stop before D.</summary>
    private const double LateGapShare = 0.05;
    private const double StoppedStreamShare = 0.04;

    private readonly Randomizer random;
    private readonly Faker faker;
    private readonly DateOnly asOf;
    private readonly string caseId;
    private readonly string area;
    private string team = "";
    private DateOnly? dateOfBirth;
    private string socialWorker = "";
    private string manager = "";

    private readonly List<Allocation> allocations = [];
    private readonly List<Referral> referrals = [];
    private readonly List<Assessment> assessments = [];
    private readonly List<S47Enquiry> enquiries = [];
    private readonly List<Conference> conferences = [];
    private readonly List<CpPlan> cpPlans = [];
    private readonly List<CinPlan> cinPlans = [];
    private readonly List<CoreGroup> coreGroups = [];
    private readonly List<PlanAction> planActions = [];
    private readonly List<Visit> visits = [];
    private readonly List<Supervision> supervisions = [];
    private readonly List<ManagementOversight> oversight = [];
    private readonly List<LegalPlanningMeeting> planningMeetings = [];
    private readonly List<PreProceedings> preProceedings = [];
    private readonly List<Proceedings> proceedings = [];
    private readonly List<CarePeriod> periods = [];
    private readonly List<Placement> placements = [];
    private readonly List<DatedRecord> lookedAfterReviews = [];
    private readonly List<HealthAssessment> healthAssessments = [];
    private readonly List<DatedRecord> peps = [];
    private readonly List<MissingEpisode> missingEpisodes = [];
    private readonly List<DatedRecord> pathwayPlans = [];
    private readonly Dictionary<PlanAction, string> descriptions = new(ReferenceEqualityComparer.Instance);

    public CaseBuilder(Faker faker, DateOnly asOf, string caseId, string[] areas)
    {
        this.faker = faker;
        random = faker.Random;
        this.asOf = asOf;
        this.caseId = caseId;
        area = random.ArrayElement(areas);
    }

    public GeneratedCase Build()
    {
        var kind = CaseMix.Pick(random.Double());
        switch (kind)
        {
            case CaseKind.ChildProtection:
                BuildChildProtection();
                break;
            case CaseKind.LookedAfter:
                BuildLookedAfter();
                break;
            case CaseKind.CareLeaver:
                BuildCareLeaver();
                break;
            default:
                BuildChildInNeed();
                break;
        }

        if (random.Bool((float)CaseMix.FutureDatedVisit))
        {
            visits.Add(new Visit { Date = asOf.AddDays(random.Number(1, 14)), WorkerId = socialWorker });
        }

        var file = new CaseFile
        {
            CaseId = caseId,
            Child = new Child { DateOfBirth = dateOfBirth },
            Team = team,
            Allocations = allocations,
            Referrals = referrals,
            Assessments = assessments,
            S47Enquiries = enquiries,
            Conferences = conferences,
            CpPlans = cpPlans,
            CinPlans = cinPlans,
            CoreGroups = coreGroups,
            PlanActions = planActions,
            Visits = visits,
            Supervisions = supervisions,
            ManagementOversight = oversight,
            Legal = new Legal { PlanningMeetings = planningMeetings, PreProceedings = preProceedings, Proceedings = proceedings },
            LookedAfter = new LookedAfter
            {
                Periods = periods,
                Placements = placements,
                Reviews = lookedAfterReviews,
                HealthAssessments = healthAssessments,
                Peps = peps,
            },
            MissingEpisodes = missingEpisodes,
            CareLeaver = new CareLeaver { PathwayPlans = pathwayPlans },
        };
        return new GeneratedCase(file, kind, descriptions);
    }

    private void BuildChildInNeed()
    {
        team = $"{area} Assessment and Support";
        var age = random.Number(0, 17);
        BornAged(age);
        var referral = EarliestFor(asOf.AddDays(-Skewed(14, 3 * 365)));
        if (random.Bool(0.10f))
        {
            // A re-referral: an earlier episode that closed with no further action.
            var earlier = EarliestFor(referral.AddDays(-random.Number(60, 330)));
            referrals.Add(new Referral { Id = NextId("R", referrals.Count), Date = earlier, Nfa = true });
        }

        var closed = random.Bool((float)CaseMix.ClosedChildInNeed) && referral.AddDays(45) < asOf.AddDays(-5)
            ? Between(referral.AddDays(45), asOf.AddDays(-5))
            : (DateOnly?)null;
        var episode = OpenEpisode(referral, closed, CaseKind.ChildInNeed);
        if (random.Bool(0.08f))
        {
            enquiries.Add(new S47Enquiry { Id = NextId("S", enquiries.Count), StrategyDiscussion = Weekday(referral.AddDays(random.Number(0, 5))), Outcome = random.Bool() ? S47Outcome.Cin : S47Outcome.Nfa });
        }

        var assessed = assessments[^1].Authorised ?? referral.AddDays(45);
        if (assessed < (closed ?? asOf))
        {
            AddCinPlan(assessed, closed);
        }

        if (closed is null && assessed < asOf && random.Bool(0.03f))
        {
            // A new concern while the episode is open: a second referral (CSC4005 wants the assessment updated).
            referrals.Add(new Referral { Id = NextId("R", referrals.Count), Date = Between(assessed, asOf), Nfa = true });
        }

        AddMissingEpisodes(age, 0.12, episode.Date, closed);
    }

    private void BuildChildProtection()
    {
        team = $"{area} Safeguarding";
        var age = random.Number(0, 15);
        BornAged(age, mayBeUnrecorded: true);
        var referral = EarliestFor(asOf.AddDays(-Skewed(50, 30 * 30)));
        if (random.Bool((float)CaseMix.RepeatPlan))
        {
            // An earlier plan that ended within two years of this referral: this plan is a repeat.
            var earlierEnd = referral.AddDays(-random.Number(60, 600));
            var earlierReferral = EarliestFor(earlierEnd.AddDays(-random.Number(200, 500)));
            if (earlierReferral < earlierEnd.AddDays(-60))
            {
                OpenEpisode(earlierReferral, earlierEnd, CaseKind.ChildProtection);
                AddCpPlan(ProtectionConference(earlierReferral), earlierEnd);
            }
        }

        OpenEpisode(referral, closed: null, CaseKind.ChildProtection);
        var plan = AddCpPlan(ProtectionConference(referral), end: null);
        AddPublicLawOutline(plan);
        AddMissingEpisodes(age, 0.12, referral, closed: null);
    }

    private void BuildLookedAfter()
    {
        team = $"{area} Children in Care";
        var age = random.Number(0, 17);
        BornAged(age, mayBeUnrecorded: true);
        var start = EarliestFor(asOf.AddDays(-Skewed(10, 6 * 365)));
        OpenEpisode(start.AddDays(-random.Number(0, 40)), closed: null, CaseKind.LookedAfter);
        AddCarePeriod(start, end: null);
        AddMissingEpisodes(age, 0.35, start, closed: null);
    }

    private void BuildCareLeaver()
    {
        team = $"{area} Leaving Care";
        var age = random.Number(18, 20);
        BornAged(age);
        var eighteenth = dateOfBirth!.Value.AddYears(18);
        var start = dateOfBirth.Value.AddYears(random.Number(13, 16)).AddDays(random.Number(0, 300));
        OpenEpisode(start.AddDays(-random.Number(0, 40)), eighteenth, CaseKind.LookedAfter);
        AddCarePeriod(start, eighteenth);
        if (random.Bool(0.85f))
        {
            allocations.Add(new Allocation { WorkerId = Worker("PA", 80), Role = AllocationRole.PersonalAdviser, Team = team, Start = eighteenth });
        }
    }

    /// <summary>A referral episode with its assessment, the social workers allocated over it, and their supervision.</summary>
    private Referral OpenEpisode(DateOnly date, DateOnly? closed, CaseKind kind)
    {
        var referral = new Referral { Id = NextId("R", referrals.Count), Date = Weekday(date), Closed = closed };
        referrals.Add(referral);
        var start = Weekday(date.AddDays(random.Number(0, 3)));
        // 45 working days are about 63 calendar days; most assessments finish well within them.
        var authorised = random.Bool(0.88f) ? start.AddDays(random.Number(10, 60)) : start.AddDays(random.Number(66, 120));
        var assessment = new Assessment
        {
            Id = NextId("A", assessments.Count),
            ReferralId = referral.Id,
            Start = start,
            Authorised = authorised <= (closed ?? asOf) ? Weekday(authorised) : null,
        };
        assessments.Add(assessment);
        manager = Worker("TM", 60);
        if (assessment.Authorised is { } done)
        {
            AddOversight(done, OversightEvent.Assessment, 0.9);
        }

        AllocateSocialWorkers(referral.Date, closed);
        var interval = kind == CaseKind.ChildProtection ? new Gap(20, 29) : new Gap(30, 58);
        foreach (var supervised in Stream(referral.Date.AddDays(random.Number(7, 25)), closed ?? asOf, interval, interval))
        {
            supervisions.Add(new Supervision { Date = supervised, SupervisorId = manager, WorkerId = socialWorker });
        }

        if (closed is { } end)
        {
            AddOversight(end, OversightEvent.Closure, 0.85);
        }

        return referral;
    }

    /// <summary>Social workers over the episode: a change every year or so, sometimes a gap (the case unallocated).</summary>
    private void AllocateSocialWorkers(DateOnly from, DateOnly? until)
    {
        allocations.Add(new Allocation { WorkerId = manager, Role = AllocationRole.TeamManager, Team = team, Start = from, End = until });
        var start = from;
        while (true)
        {
            socialWorker = Worker("SW", 400);
            var end = start.AddDays(Skewed(60, 500));
            var next = end.AddDays(random.Bool(0.1f) ? random.Number(3, 20) : 0);
            var last = next >= (until ?? asOf);
            var unallocated = last && until is null && start < asOf.AddDays(-60) && random.Bool(0.03f);
            allocations.Add(new Allocation
            {
                WorkerId = socialWorker,
                Role = AllocationRole.SocialWorker,
                Team = team,
                Start = start,
                End = unallocated ? asOf.AddDays(-random.Number(8, 60)) : last ? until : end,
            });
            if (last)
            {
                return;
            }

            start = next;
        }
    }

    /// <summary>The s47 enquiry and the initial conference that starts a CP plan; returns the conference date.</summary>
    private DateOnly ProtectionConference(DateOnly referral)
    {
        var enquiry = new S47Enquiry { Id = NextId("S", enquiries.Count), StrategyDiscussion = Weekday(referral.AddDays(random.Number(0, 3))), Outcome = S47Outcome.Icpc };
        enquiries.Add(enquiry);
        AddOversight(enquiry.StrategyDiscussion, OversightEvent.SignificantEvent, 0.85);
        // 15 working days are three weeks: most conferences are held within them.
        var date = Weekday(enquiry.StrategyDiscussion.AddDays(random.Bool(0.9f) ? random.Number(8, 19) : random.Number(24, 40)));
        conferences.Add(new Conference { Id = NextId("K", conferences.Count), Kind = ConferenceKind.Initial, Date = date, S47Id = enquiry.Id });
        return date;
    }

    /// <summary>A CP plan with its visits (every 10 working days), core groups (10 working days, then 6 weeks), review conferences (3, then 6 months) and actions.</summary>
    private CpPlan AddCpPlan(DateOnly start, DateOnly? end)
    {
        var plan = new CpPlan { Id = NextId("CPP", cpPlans.Count), Start = start, End = end, Category = random.ArrayElement(PlanCategories) };
        cpPlans.Add(plan);
        AddOversight(start, OversightEvent.PlanStart, 0.9);
        var until = end ?? asOf;
        AddVisits(start, until, new Gap(4, 12), new Gap(5, 12));
        foreach (var date in Stream(start, until, new Gap(3, 12), new Gap(35, 42)))
        {
            coreGroups.Add(new CoreGroup { Date = date, CpPlanId = plan.Id });
        }

        foreach (var date in Stream(start, until, new Gap(75, 88), new Gap(160, 178)))
        {
            conferences.Add(new Conference { Id = NextId("K", conferences.Count), Kind = ConferenceKind.Review, Date = date });
        }

        if (end is { } ended)
        {
            AddOversight(ended, OversightEvent.PlanEnd, 0.85);
        }

        AddPlanActions(plan.Id, start, until);
        return plan;
    }

    /// <summary>A CIN plan reviewed every 3 months, with its actions.</summary>
    private void AddCinPlan(DateOnly start, DateOnly? end)
    {
        var until = end ?? asOf;
        var reviews = Stream(start, until, new Gap(70, 88), new Gap(70, 88)).Select(date => new DatedRecord { Date = date }).ToArray();
        var plan = new CinPlan { Id = NextId("CIN", cinPlans.Count), Start = start, End = end, Reviews = reviews };
        cinPlans.Add(plan);
        AddVisits(start, until, new Gap(10, 30), new Gap(20, 45));
        AddPlanActions(plan.Id, start, until);
    }

    /// <summary>For a long-standing or repeat plan, usually a legal planning meeting; some go on to pre-proceedings and proceedings.</summary>
    private void AddPublicLawOutline(CpPlan plan)
    {
        var longStanding = plan.Start.AddMonths(9) <= asOf;
        if (!(longStanding || cpPlans.Count > 1) || !random.Bool(0.6f))
        {
            return;
        }

        var meeting = Weekday(plan.Start.AddDays(random.Number(60, 260)));
        if (meeting > asOf)
        {
            return;
        }

        var toPreProceedings = random.Bool(0.4f);
        planningMeetings.Add(new LegalPlanningMeeting { Date = meeting, Outcome = toPreProceedings ? LegalPlanningOutcome.PreProceedings : LegalPlanningOutcome.ContinueToMonitor });
        if (!toPreProceedings)
        {
            return;
        }

        var start = Weekday(meeting.AddDays(random.Number(5, 20)));
        // 16 weeks are 112 days: most pre-proceedings end within them, some drift past.
        var end = start.AddDays(random.Bool(0.75f) ? random.Number(50, 110) : random.Number(120, 220));
        var issued = random.Bool(0.4f);
        var ended = end <= asOf;
        preProceedings.Add(new PreProceedings
        {
            Id = NextId("PP", preProceedings.Count),
            Start = start,
            LetterBeforeProceedings = start,
            InitialMeeting = Weekday(start.AddDays(random.Number(7, 14))) is var initial && initial <= asOf ? initial : null,
            End = ended ? end : null,
            Outcome = !ended ? null : issued ? PreProceedingsOutcome.Issued : PreProceedingsOutcome.StepDown,
        });
        if (ended && !issued)
        {
            AddOversight(end, OversightEvent.StepDown, 0.85);
        }

        if (ended && issued)
        {
            AddProceedings(end);
        }
    }

    /// <summary>Care proceedings: 26 weeks are 182 days, and most conclude within them.</summary>
    private void AddProceedings(DateOnly issued)
    {
        var concluded = issued.AddDays(random.Bool(0.7f) ? random.Number(120, 181) : random.Number(190, 320));
        proceedings.Add(new Proceedings { Id = NextId("P", proceedings.Count), Issued = issued, Concluded = concluded <= asOf ? concluded : null });
    }

    /// <summary>
    /// A period of care: placements (some children moved often), visits in each (7 days, then
    /// 6 weeks), reviews (20 working days, 3 months, then 6), health assessments, PEPs from age 5,
    /// sometimes care proceedings, and pathway plans from 16.
    /// </summary>
    private void AddCarePeriod(DateOnly start, DateOnly? end)
    {
        var period = new CarePeriod { Id = NextId("LAP", periods.Count), Start = start, End = end };
        periods.Add(period);
        var until = end ?? asOf;
        var unstable = end is null && random.Bool(0.08f);
        var placementStart = start;
        while (placementStart < until)
        {
            var length = unstable && placementStart >= until.AddMonths(-12) ? random.Number(20, 110) : Skewed(60, 900);
            var placementEnd = placementStart.AddDays(length);
            var last = placementEnd >= until;
            var placement = new Placement
            {
                Id = NextId("PL", placements.Count),
                Start = placementStart,
                End = last ? end : placementEnd,
                WithParents = random.Bool(0.04f),
                LongTerm = placementStart >= start.AddYears(1) && random.Bool(0.4f),
            };
            placements.Add(placement);
            var placementUntil = last ? until : placementEnd;
            AddVisits(placement.Start, placementUntil, new Gap(1, 6), placement.WithParents ? new Gap(4, 7) : new Gap(21, 40));
            placementStart = placementEnd;
            if (unstable && placementStart < until.AddMonths(-12))
            {
                // Moves in the last year: jump to it, so the instability falls inside CSC6005's window.
                placementStart = until.AddMonths(-12).AddDays(random.Number(1, 60));
            }
        }

        lookedAfterReviews.AddRange(Stream(start, until, new Gap(14, 27), new Gap(75, 88), new Gap(160, 178)).Select(date => new DatedRecord { Date = date }));
        var dateOfBirthOrStart = dateOfBirth ?? start;
        var under5 = start < dateOfBirthOrStart.AddYears(5);
        var health = Stream(start, until, new Gap(10, 27), under5 ? new Gap(150, 178) : new Gap(300, 360)).ToList();
        for (var i = 0; i < health.Count; i++)
        {
            healthAssessments.Add(new HealthAssessment { Date = health[i], Kind = i == 0 ? HealthAssessmentKind.Initial : HealthAssessmentKind.Review });
        }

        var pepFrom = Later(start, dateOfBirthOrStart.AddYears(5));
        var pepUntil = Earlier(until, dateOfBirthOrStart.AddYears(18));
        if (pepFrom < pepUntil)
        {
            peps.AddRange(Stream(pepFrom, pepUntil, new Gap(10, 27), new Gap(90, 118)).Select(date => new DatedRecord { Date = date }));
        }

        if (random.Bool(0.3f))
        {
            AddProceedings(Weekday(start.AddDays(-random.Number(0, 30))));
        }

        if (dateOfBirth is { } born && born.AddYears(16) < until)
        {
            var from = Later(start, born.AddYears(16));
            // Three months from the 16th birthday (or entry into care) for the first pathway plan; reviews every 6 months.
            pathwayPlans.AddRange(Stream(from, asOf, new Gap(20, 85), new Gap(150, 180)).Select(date => new DatedRecord { Date = date }));
        }
    }

    /// <summary>Missing episodes for adolescents, with their return home interviews (72 hours, mostly met).</summary>
    private void AddMissingEpisodes(int age, double share, DateOnly from, DateOnly? closed)
    {
        if (age < 11 || !random.Bool((float)share))
        {
            return;
        }

        var until = closed ?? asOf;
        for (var count = random.Number(1, 4); count > 0; count--)
        {
            var start = Between(Later(from, until.AddYears(-2)), until);
            var returned = start.ToDateTime(new TimeOnly(random.Number(0, 23), random.Number(0, 11) * 5)).AddDays(random.Number(0, 3));
            ReturnInterview? interview = null;
            if (random.Bool(0.9f))
            {
                var offered = returned.AddHours(random.Bool(0.75f) ? random.Number(4, 70) : random.Number(80, 160));
                var declined = random.Bool(0.05f);
                interview = new ReturnInterview { Offered = offered, Completed = declined ? null : offered.AddHours(random.Number(0, 72)), Declined = declined };
            }

            var asOfEnd = asOf.ToDateTime(TimeOnly.MaxValue);
            missingEpisodes.Add(new MissingEpisode
            {
                Id = NextId("M", missingEpisodes.Count),
                Start = start,
                Returned = returned <= asOfEnd ? returned : null,
                ReturnInterview = returned > asOfEnd ? null : interview is null ? null : interview with
                {
                    Offered = interview.Offered <= asOfEnd ? interview.Offered : null,
                    Completed = interview.Completed <= asOfEnd ? interview.Completed : null,
                },
            });
            AddOversight(start, OversightEvent.SignificantEvent, 0.7);
        }
    }

    private void AddVisits(DateOnly from, DateOnly until, Gap first, Gap later)
    {
        var seenAloneUsual = dateOfBirth is { } born && born.AddYears(5) <= from;
        foreach (var date in Stream(from, until, first, later))
        {
            visits.Add(new Visit
            {
                Date = date,
                Seen = random.Bool(0.97f),
                SeenAlone = seenAloneUsual ? random.Bool(0.7f) : null,
                WorkerId = socialWorker,
            });
        }
    }

    /// <summary>Up to four actions per plan; a few lack an owner or a due date, and some due ones are not done.</summary>
    private void AddPlanActions(string planId, DateOnly start, DateOnly until)
    {
        for (var count = random.Number(0, 4); count > 0; count--)
        {
            var due = random.Bool(0.92f) ? start.AddDays(random.Number(20, 240)) : (DateOnly?)null;
            var action = new PlanAction
            {
                PlanId = planId,
                Owner = random.Bool(0.93f) ? socialWorker : null,
                Due = due,
                Completed = due is { } d && random.Bool(0.8f) && d.AddDays(-10) <= until ? Earlier(Weekday(d.AddDays(random.Number(-10, 5))), until) : null,
            };
            planActions.Add(action);
            descriptions[action] = faker.Lorem.Sentence(5);
        }
    }

    /// <summary>A manager's oversight of an event, recorded on time with probability <paramref name="onTime"/>, else late or never.</summary>
    private void AddOversight(DateOnly date, OversightEvent kind, double onTime)
    {
        var draw = random.Double();
        var recorded = draw < onTime ? date.AddDays(random.Number(0, 2)) : draw < onTime + (1 - onTime) / 2 ? date.AddDays(random.Number(10, 30)) : (DateOnly?)null;
        if (recorded is { } day && day <= asOf)
        {
            oversight.Add(new ManagementOversight { Date = Weekday(day) <= asOf ? Weekday(day) : day, ManagerId = manager, Event = kind });
        }
    }

    /// <summary>
    /// A stream of events from <paramref name="anchor"/> up to <paramref name="until"/>: the first
    /// <paramref name="first"/> days after the anchor, the second after <paramref name="second"/>
    /// (default: <paramref name="later"/>), then every <paramref name="later"/>. A few gaps run
    /// late, and a few streams stop early.
    /// </summary>
    private IEnumerable<DateOnly> Stream(DateOnly anchor, DateOnly until, Gap first, Gap later, Gap? second = null)
    {
        if (random.Bool((float)StoppedStreamShare))
        {
            until = until.AddDays(-random.Number(later.Max, later.Max * 3));
        }

        var dates = new List<DateOnly>();
        var date = anchor;
        for (var index = 0; ; index++)
        {
            var gap = index == 0 ? first : index == 1 ? second ?? later : later;
            var days = random.Bool((float)LateGapShare) ? random.Number(gap.Max + 2, gap.Max * 2 + 2) : random.Number(gap.Min, gap.Max);
            date = Weekday(date.AddDays(days));
            if (date > until)
            {
                return dates;
            }

            dates.Add(date);
        }
    }

    private void BornAged(int age, bool mayBeUnrecorded = false)
    {
        dateOfBirth = mayBeUnrecorded && random.Bool((float)CaseMix.DateOfBirthMissing)
            ? null
            : asOf.AddYears(-age).AddDays(-random.Number(1, 364));
    }

    /// <summary><paramref name="date"/>, or for a young child, no earlier than a few months before the birth (a pre-birth referral).</summary>
    private DateOnly EarliestFor(DateOnly date) =>
        dateOfBirth is { } born && date < born.AddDays(-120) ? born.AddDays(-random.Number(30, 120)) : date;

    /// <summary>Days from <paramref name="min"/> to <paramref name="max"/>, shorter ones likelier (most cases are recent, some are years old).</summary>
    private int Skewed(int min, int max) => min + (int)((max - min) * Math.Pow(random.Double(), 1.6));

    private DateOnly Between(DateOnly from, DateOnly to) =>
        from >= to ? from : from.AddDays(random.Number(0, to.DayNumber - from.DayNumber));

    private string Worker(string prefix, int pool) => $"{prefix}{random.Number(1, pool):D3}";

    private static string NextId(string prefix, int count) => $"{prefix}{count + 1}";

    /// <summary>Social workers visit and meet on weekdays: a Saturday or Sunday moves to the Monday.</summary>
    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static readonly string[] PlanCategories = ["neglect", "emotionalAbuse", "physicalAbuse", "sexualAbuse", "multiple"];

    private readonly record struct Gap(int Min, int Max);
}
