using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.CareLeavers;

[Diagnostic("CSC8003", "No personal adviser", RuleCategory.CareLeavers, Severity.Warning,
    Source = "Children Act 1989 s23C and s23D (personal advisers for former relevant children); Care Leavers (England) Regulations 2010")]
[Description("A care leaver aged from 18 to under 21 who was looked after on or after their 16th birthday has a personal adviser allocated.")]
[RequiresDateOfBirth]
[Reports(FindingStatus.Present)]
public sealed class CSC8003NoPersonalAdviser : ComplianceRule
{
    public override void Define()
    {
        var minAge = Parameter("min_age_years", 18, "Age from which a care leaver needs a personal adviser");
        var maxAge = Parameter("max_age_years", 21, "Age from which this rule no longer applies");

        CaseAsOf @case = null!;
        IEnumerable<CarePeriod> periodsFromSixteen = null!;

        When()
            .Match(() => @case,
                c => c.DateOfBirth != null,
                c => c.BirthdayAt(minAge.Value) <= c.AsOf,
                c => c.AsOf < c.BirthdayAt(maxAge.Value),
                c => c.CurrentAllocation(AllocationRole.PersonalAdviser) == null)
            .Query(() => periodsFromSixteen, q => q
                .Match<CarePeriod>(p => CareLeaving.OpenFromSixteenthBirthday(p, @case))
                .Collect())
            .Having(() => periodsFromSixteen.Any());

        Then()
            .Do(ctx => ReportNoAdviser(ctx, @case, periodsFromSixteen, minAge.Value, maxAge.Value));
    }

    private void ReportNoAdviser(IContext context, CaseAsOf @case, IEnumerable<CarePeriod> periodsFromSixteen, int minAge, int maxAge)
    {
        var age = @case.AgeOn(@case.AsOf);
        var lastAdviser = @case.Current.Allocations
            .Where(a => a.Role == AllocationRole.PersonalAdviser)
            .MaxBy(a => a.End);
        Report(context, @case, FindingStatus.Present,
            $"No personal adviser allocated to a care leaver aged {age} " +
            (lastAdviser?.End is { } ended ? $"(last adviser allocation ended {Phrases.Date(ended)})" : "(none ever recorded)"),
            arguments: new Dictionary<string, object?>
            {
                ["age"] = age,
                ["lastAdviserEnd"] = lastAdviser?.End,
                ["minAgeYears"] = minAge,
                ["maxAgeYears"] = maxAge,
            },
            evidence: periodsFromSixteen.Cast<CaseRecord>().Append(lastAdviser));
    }
}
