using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;

namespace ComplianceRules.Rules.Catalog;

/// <summary>
/// The facts one case contributes to its session: the case as of D and each of its records (as of D)
/// of a type some pattern of the session's rule set can match. The other records could never fire a
/// rule, and putting them into working memory was most of the engine's cost for small rule sets.
/// </summary>
public static class CaseFacts
{
    public static void Insert(ISession session, CaseAsOf @case)
    {
        var file = @case.Current;
        session.Insert(@case);
        InsertMatchable(session, file.Allocations);
        InsertMatchable(session, file.Referrals);
        InsertMatchable(session, file.Assessments);
        InsertMatchable(session, file.S47Enquiries);
        InsertMatchable(session, file.Conferences);
        InsertMatchable(session, file.CpPlans);
        InsertMatchable(session, file.CinPlans);
        InsertMatchable(session, file.CoreGroups);
        InsertMatchable(session, file.PlanActions);
        InsertMatchable(session, file.Visits);
        InsertMatchable(session, file.Supervisions);
        InsertMatchable(session, file.ManagementOversight);
        InsertMatchable(session, file.Legal.PlanningMeetings);
        InsertMatchable(session, file.Legal.PreProceedings);
        InsertMatchable(session, file.Legal.Proceedings);
        InsertMatchable(session, file.LookedAfter.Periods);
        InsertMatchable(session, file.LookedAfter.Placements);
        InsertMatchable(session, file.LookedAfter.HealthAssessments);
        InsertMatchable(session, file.MissingEpisodes);
    }

    private static void InsertMatchable<TRecord>(ISession session, IReadOnlyList<TRecord> records)
        where TRecord : class
    {
        // Record types are sealed, so the declared element type is every record's runtime type. The
        // type is asked about first: a list no pattern can see is then never touched, and with many
        // cases in memory, touching one is a cache miss.
        if (session.CanMatch(typeof(TRecord)) && records.Count > 0)
        {
            session.InsertLazily(typeof(TRecord), records);
        }
    }
}
