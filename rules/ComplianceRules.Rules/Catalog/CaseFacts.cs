using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.Catalog;

/// <summary>
/// The facts one case contributes to its session: the case as of D and each of its records (as of D)
/// of a type some pattern of the session's rule set can match. The other records could never fire a
/// rule, and putting them into working memory was most of the engine's cost for small rule sets.
/// </summary>
public static class CaseFacts
{
    /// <remarks>
    /// Record types are sealed, so each list's declared element type is every record's runtime
    /// type (a mismatch is an error when the list is first read); the session does not touch a list
    /// no pattern can see. Spelled out type by type, with <c>typeof</c> constants: a generic helper
    /// is shared code that looks its type argument up at run time on every call.
    /// </remarks>
    public static void Insert(ISession session, CaseAsOf @case)
    {
        var file = @case.Current;
        session.Insert(@case);
        session.InsertLazily(typeof(Allocation), file.Allocations);
        session.InsertLazily(typeof(Referral), file.Referrals);
        session.InsertLazily(typeof(Assessment), file.Assessments);
        session.InsertLazily(typeof(S47Enquiry), file.S47Enquiries);
        session.InsertLazily(typeof(Conference), file.Conferences);
        session.InsertLazily(typeof(CpPlan), file.CpPlans);
        session.InsertLazily(typeof(CinPlan), file.CinPlans);
        session.InsertLazily(typeof(CoreGroup), file.CoreGroups);
        session.InsertLazily(typeof(PlanAction), file.PlanActions);
        session.InsertLazily(typeof(Visit), file.Visits);
        session.InsertLazily(typeof(Supervision), file.Supervisions);
        session.InsertLazily(typeof(ManagementOversight), file.ManagementOversight);
        session.InsertLazily(typeof(LegalPlanningMeeting), file.Legal.PlanningMeetings);
        session.InsertLazily(typeof(PreProceedings), file.Legal.PreProceedings);
        session.InsertLazily(typeof(Proceedings), file.Legal.Proceedings);
        session.InsertLazily(typeof(CarePeriod), file.LookedAfter.Periods);
        session.InsertLazily(typeof(Placement), file.LookedAfter.Placements);
        session.InsertLazily(typeof(HealthAssessment), file.LookedAfter.HealthAssessments);
        session.InsertLazily(typeof(MissingEpisode), file.MissingEpisodes);
    }
}
