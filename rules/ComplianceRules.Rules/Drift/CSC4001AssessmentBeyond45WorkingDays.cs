using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4001", "Assessment beyond 45 working days", RuleCategory.Drift, Severity.Warning,
    Source = "Working Together to Safeguard Children 2023 (assessment within 45 working days of the referral)")]
[Description("A child and family assessment is authorised within N working days of the referral it answers (or of its own start when it names no referral of the case).")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC4001AssessmentBeyond45WorkingDays : ComplianceRule
{
    public override void Define()
    {
        var workingDays = Parameter("working_days", 45, "Working days allowed from the referral (or the assessment's start) to the assessment's authorisation");

        CaseAsOf @case = null!;
        Assessment assessment = null!;
        IEnumerable<Referral> referrals = null!;

        When()
            .Match(() => @case)
            .Match(() => assessment)
            .Query(() => referrals, q => q
                .Match<Referral>(r => r.Id == assessment.ReferralId)
                .Collect());

        Then()
            .Do(ctx => ReportIfLate(ctx, @case, assessment, referrals.FirstOrDefault(), workingDays.Value));
    }

    private void ReportIfLate(IContext context, CaseAsOf @case, Assessment assessment, Referral? referral, int workingDays)
    {
        var anchor = referral?.Date ?? assessment.Start;
        var links = RunChain(@case, assessment.Id,
            new ChainDefinition<Assessment>
            {
                FirstAnchor = anchor,
                Deadline = link => @case.Dates.WorkingDays(link.Anchor, workingDays),
                // The assessment's own authorisation is the one event that can meet its deadline.
                Events = assessment.Authorised is null ? [] : [assessment],
                DateOf = authorised => authorised.Authorised!.Value,
                OpenAtAsOf = @case.IsOpen,
                SingleLink = true,
            });

        ReportBreaches(context, @case, links, "Assessment", DelayUnit.WorkingDays, assessment.Id,
            link => new Dictionary<string, object?>
            {
                ["referralDate"] = referral?.Date,
                ["assessmentStart"] = assessment.Start,
                ["authorised"] = link.MetOn,
                ["workingDays"] = workingDays,
            },
            link => [referral],
            link => referral is null
                ? $"not authorised, started {Phrases.Date(assessment.Start)}"
                : $"not authorised, referral {Phrases.Date(referral.Date)}");
    }
}
