using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.LookedAfter;

[Diagnostic("CSC6003", "Health assessment overdue", RuleCategory.LookedAfter, Severity.Warning,
    Source = "Statutory guidance: Promoting the health and well-being of looked-after children (DfE/DHSC 2015)")]
[Description("A looked-after child has an initial health assessment within 20 working days of entering care, then a review health assessment every six months while under 5 and every twelve months from 5.")]
[RequiresDateOfBirth]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC6003HealthAssessmentOverdue : LookedAfterChainRule
{
    /// <summary>The age from which reviews are yearly rather than six-monthly (the guidance's, not a threshold).</summary>
    private const int YearlyReviewAge = 5;

    public override void Define()
    {
        var initialWorkingDays = Parameter("initial_working_days", 20, "Working days allowed from the start of the period of care to the initial health assessment");
        var under5Months = Parameter("under5_review_months", 6, "Months allowed between health assessments while the child is under 5");
        var reviewMonths = Parameter("review_months", 12, "Months allowed between health assessments from the child's 5th birthday");

        CaseAsOf @case = null!;
        CarePeriod period = null!;
        IEnumerable<HealthAssessment> assessments = null!;

        When()
            .Match(() => @case, c => c.DateOfBirth != null)
            .Match(() => period)
            .Query(() => assessments, q => q
                .Match<HealthAssessment>(h => period.Contains(h.Date))
                .Collect());

        Then()
            .Do(ctx => ReportLateAssessments(ctx, @case, period, assessments, initialWorkingDays.Value, under5Months.Value, reviewMonths.Value));
    }

    private void ReportLateAssessments(IContext context, CaseAsOf @case, CarePeriod period, IEnumerable<HealthAssessment> assessments,
        int initialWorkingDays, int under5Months, int reviewMonths)
    {
        // Six-monthly or yearly by the child's age on the previous assessment.
        int MonthsAfter(DateOnly anchor) => @case.AgeOn(anchor) < YearlyReviewAge ? under5Months : reviewMonths;

        RunAndReport(context, @case, period.Id,
            new ChainDefinition<HealthAssessment>
            {
                FirstAnchor = period.Start,
                Deadline = step => step.IsFirst
                    ? @case.Dates.WorkingDays(step.Anchor, initialWorkingDays)
                    : DeadlineCalculator.Months(step.Anchor, MonthsAfter(step.Anchor)),
                Events = assessments,
                DateOf = assessment => assessment.Date,
                CanMeet = (step, assessment) => !step.IsFirst || assessment.Kind == HealthAssessmentKind.Initial,
                PeriodEnd = period.End,
            },
            "Health assessment", "health assessment", $"no initial health assessment since the period of care started on {Phrases.Date(period.Start)}", DelayUnit.WorkingDays,
            link => link.Index == 0
                ? new Dictionary<string, object?>
                {
                    ["periodStart"] = period.Start,
                    ["initialWorkingDays"] = initialWorkingDays,
                }
                : new Dictionary<string, object?>
                {
                    ["periodStart"] = period.Start,
                    ["lastAssessment"] = link.Anchor,
                    ["ageOnLastAssessment"] = @case.AgeOn(link.Anchor),
                    ["reviewMonths"] = MonthsAfter(link.Anchor),
                });
    }
}
