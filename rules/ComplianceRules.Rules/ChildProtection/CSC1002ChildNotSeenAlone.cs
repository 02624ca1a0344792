using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1002", "Child not seen alone", RuleCategory.ChildProtection, Severity.Info,
    Source = "Ofsted ILACS Annex A, list 7 (children seen alone)")]
[RequiresDateOfBirth]
[Description("A child old enough to speak for themselves who is on a child protection plan is seen alone at least once in the last few visits.")]
[Reports(FindingStatus.Present)]
public sealed class CSC1002ChildNotSeenAlone : ComplianceRule
{
    public override void Define()
    {
        var minAgeYears = Parameter("min_age_years", 5, "Age from which the child is expected to be seen alone");
        var visitsConsidered = Parameter("visits_considered", 3, "How many of the latest visits inside the plan are looked at");

        CaseAsOf @case = null!;
        OpenCpPlan open = null!;
        IEnumerable<Visit> visits = null!;

        // Without a date of birth the rule does not run: CSC0004 reports the case instead.
        When()
            .Match(() => @case, c => c.DateOfBirth != null && c.BirthdayAt(minAgeYears.Value) <= c.AsOf)
            .Match(() => open)
            .Query(() => visits, q => q
                .Match<Visit>(v => v.Seen, v => open.Plan.Contains(v.Date))
                .Collect())
            .Having(() => visits.Count() >= visitsConsidered.Value);

        Then()
            .Do(ctx => ReportIfNeverSeenAlone(ctx, @case, open.Plan, visits, minAgeYears.Value, visitsConsidered.Value));
    }

    private void ReportIfNeverSeenAlone(IContext context, CaseAsOf @case, CpPlan plan, IEnumerable<Visit> visits, int minAgeYears, int visitsConsidered)
    {
        // Visits arrive in file order and OrderBy is stable: by date, then same-day visits in file order.
        var latest = visits.OrderBy(v => v.Date).TakeLast(visitsConsidered).ToArray();
        if (latest.Any(v => v.SeenAlone == true))
        {
            return;
        }

        var lastVisit = latest[^1].Date;
        Report(context, @case, FindingStatus.Present,
            $"Child not seen alone at any of the last {Phrases.Count(visitsConsidered, "visit")} (last visit {Phrases.Date(lastVisit)})",
            subjectId: plan.Id,
            arguments: new Dictionary<string, object?>
            {
                ["visitDates"] = latest.Select(v => v.Date).ToArray(),
                ["ageAtAsOf"] = @case.AgeOn(@case.AsOf),
                ["minAgeYears"] = minAgeYears,
                ["visitsConsidered"] = visitsConsidered,
            },
            evidence: latest);
    }
}
