using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.LookedAfter;

[Diagnostic("CSC6004", "Personal education plan overdue", RuleCategory.LookedAfter, Severity.Warning,
    Source = "Statutory guidance: Promoting the education of looked-after and previously looked-after children (DfE 2018)")]
[Description("A looked-after child of school age has a personal education plan within 20 working days of entering care (or of turning 5), reviewed every term, until their 18th birthday.")]
[RequiresDateOfBirth]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC6004PersonalEducationPlanOverdue : LookedAfterChainRule
{
    /// <summary>Deadlines on or after this birthday are not enforced: the PEP ends when care does.</summary>
    private const int LastAge = 18;

    public override void Define()
    {
        var firstWorkingDays = Parameter("first_working_days", 20, "Working days allowed from the start of care (or the birthday at min_age_years) to the first PEP");
        var intervalMonths = Parameter("interval_months", 4, "Months allowed between PEP reviews (termly)");
        var minAge = Parameter("min_age_years", 5, "The age from which a looked-after child needs a PEP");

        CaseAsOf @case = null!;
        CarePeriod period = null!;

        When()
            .Match(() => @case, c => c.DateOfBirth != null)
            .Match(() => period);

        Then()
            .Do(ctx => ReportLatePlans(ctx, @case, period, firstWorkingDays.Value, intervalMonths.Value, minAge.Value));
    }

    private void ReportLatePlans(IContext context, CaseAsOf @case, CarePeriod period, int firstWorkingDays, int intervalMonths, int minAge)
    {
        var schoolAge = @case.BirthdayAt(minAge);
        var firstAnchor = schoolAge > period.Start ? schoolAge : period.Start;
        var lastBirthday = @case.BirthdayAt(LastAge);

        RunAndReport(context, @case, period.Id,
            new ChainDefinition<DatedRecord>
            {
                FirstAnchor = firstAnchor,
                Deadline = step => step.IsFirst
                    ? @case.Dates.WorkingDays(step.Anchor, firstWorkingDays)
                    : DeadlineCalculator.Months(step.Anchor, intervalMonths),
                Events = @case.Current.LookedAfter.Peps.Where(pep => period.Contains(pep.Date)),
                DateOf = pep => pep.Date,
                // The 18th birthday stops the chain as an end of the period would; overdue or missed still follows the period.
                PeriodEnd = period.End is { } end && end < lastBirthday ? end : lastBirthday,
                OpenAtAsOf = period.IsOpenOn(@case.AsOf),
            },
            "Personal education plan", "PEP",
            firstAnchor == period.Start
                ? $"no PEP since the period of care started on {Phrases.Date(period.Start)}"
                : $"no PEP since the child turned {minAge} on {Phrases.Date(schoolAge)}",
            DelayUnit.WorkingDays,
            link => new Dictionary<string, object?>
            {
                ["firstAnchor"] = firstAnchor,
                ["lastPep"] = link.Index == 0 ? null : link.Anchor,
                [link.Index == 0 ? "firstWorkingDays" : "intervalMonths"] = link.Index == 0 ? firstWorkingDays : intervalMonths,
                ["eighteenthBirthday"] = lastBirthday,
            });
    }
}
