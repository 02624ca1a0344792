using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;

namespace ComplianceRules.Rules.Catalog;

/// <summary>The facts one case contributes to its session: the case as of D and each of its records (as of D).</summary>
public static class CaseFacts
{
    public static void Insert(ISession session, CaseAsOf @case)
    {
        var file = @case.Current;
        session.Insert(@case);
        session.InsertAll(file.Allocations);
        session.InsertAll(file.Referrals);
        session.InsertAll(file.Assessments);
        session.InsertAll(file.S47Enquiries);
        session.InsertAll(file.Conferences);
        session.InsertAll(file.CpPlans);
        session.InsertAll(file.CinPlans);
        session.InsertAll(file.CoreGroups);
        session.InsertAll(file.PlanActions);
        session.InsertAll(file.Visits);
        session.InsertAll(file.Supervisions);
        session.InsertAll(file.ManagementOversight);
        session.InsertAll(file.Legal.PlanningMeetings);
        session.InsertAll(file.Legal.PreProceedings);
        session.InsertAll(file.Legal.Proceedings);
        session.InsertAll(file.LookedAfter.Periods);
        session.InsertAll(file.LookedAfter.Placements);
        session.InsertAll(file.LookedAfter.HealthAssessments);
        session.InsertAll(file.MissingEpisodes);
    }
}
