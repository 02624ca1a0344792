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
    /// <summary>
    /// Every record list of a case file. Record types are sealed, so each list's declared element
    /// type is every record's runtime type (a mismatch is an error when the list is first read).
    /// </summary>
    private static readonly FactLists<CaseFile> Records = new FactLists<CaseFile>()
        .Add(f => f.Allocations)
        .Add(f => f.Referrals)
        .Add(f => f.Assessments)
        .Add(f => f.S47Enquiries)
        .Add(f => f.Conferences)
        .Add(f => f.CpPlans)
        .Add(f => f.CinPlans)
        .Add(f => f.CoreGroups)
        .Add(f => f.PlanActions)
        .Add(f => f.Visits)
        .Add(f => f.Supervisions)
        .Add(f => f.ManagementOversight)
        .Add(f => f.Legal.PlanningMeetings)
        .Add(f => f.Legal.PreProceedings)
        .Add(f => f.Legal.Proceedings)
        .Add(f => f.LookedAfter.Periods)
        .Add(f => f.LookedAfter.Placements)
        .Add(f => f.LookedAfter.HealthAssessments)
        .Add(f => f.MissingEpisodes);

    /// <remarks>
    /// The session reads a list from the case file only when a pattern first needs its type (a case
    /// without a CP plan never gets as far as the visits or the legal records), and never one no
    /// pattern of its rule set can see.
    /// </remarks>
    public static void Insert(ISession session, CaseAsOf @case)
    {
        session.Insert(@case);
        session.InsertLazily(Records, @case.Current);
    }
}
