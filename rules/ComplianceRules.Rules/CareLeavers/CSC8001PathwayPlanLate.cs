using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.CareLeavers;

[Diagnostic("CSC8001", "Pathway plan late", RuleCategory.CareLeavers, Severity.Warning,
    Source = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 42 (needs assessment and pathway plan); Ofsted: transition planning for care leavers started too late")]
[Description("A child looked after on or after their 16th birthday has a pathway plan within N months of the later of that birthday and the start of their first period of care from then on.")]
[RequiresDateOfBirth]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC8001PathwayPlanLate : ComplianceRule
{
    public override void Define()
    {
        var months = Parameter("months", 3, "Months allowed from the later of the 16th birthday and the start of care to the first pathway plan");

        CaseAsOf @case = null!;
        IEnumerable<CarePeriod> periodsFromSixteen = null!;

        When()
            .Match(() => @case, c => c.DateOfBirth != null, c => c.BirthdayAt(CareLeaving.EligibleAge) <= c.AsOf)
            .Query(() => periodsFromSixteen, q => q
                .Match<CarePeriod>(p => CareLeaving.OpenFromSixteenthBirthday(p, @case))
                .Collect())
            .Having(() => periodsFromSixteen.Any());

        Then()
            .Do(ctx => ReportIfLate(ctx, @case, periodsFromSixteen, months.Value));
    }

    private void ReportIfLate(IContext context, CaseAsOf @case, IEnumerable<CarePeriod> periodsFromSixteen, int months)
    {
        // The governing period: the first period of care open on some day from the 16th birthday
        // to D (the query kept those; every period held is started by D).
        var period = periodsFromSixteen
            .OrderBy(p => p.Start)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .First();
        var sixteenthBirthday = @case.BirthdayAt(CareLeaving.EligibleAge);
        var anchor = period.Start > sixteenthBirthday ? period.Start : sixteenthBirthday;
        var firstPlan = @case.Current.CareLeaver.PathwayPlans.OrderBy(p => p.Date).FirstOrDefault();

        var links = RunChain(@case, period.Id,
            new ChainDefinition<DatedRecord>
            {
                FirstAnchor = anchor,
                Deadline = link => DeadlineCalculator.Months(link.Anchor, months),
                Events = firstPlan is null ? [] : [firstPlan],

                // rules.md counts the pathway plan wherever it falls: one made before A meets the
                // link as if made on A (the chain only looks on or after A).
                DateOf = plan => plan.Date > anchor ? plan.Date : anchor,
                PeriodEnd = period.End,
                SingleLink = true,
            });

        ReportBreaches(context, @case, links, "Pathway plan", DelayUnit.Days, period.Id,
            link => new Dictionary<string, object?>
            {
                ["sixteenthBirthday"] = sixteenthBirthday,
                ["periodStart"] = period.Start,
                ["anchor"] = anchor,
                ["months"] = months,
            },
            link => [period, link.MetBy],
            link => anchor == sixteenthBirthday
                ? $"none since the 16th birthday on {Phrases.Date(anchor)}"
                : $"none since care began on {Phrases.Date(anchor)}, after the 16th birthday");
    }
}
