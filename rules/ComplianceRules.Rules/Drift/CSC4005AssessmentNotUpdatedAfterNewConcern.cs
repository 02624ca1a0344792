using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4005", "Assessment not updated after a new concern", RuleCategory.Drift, Severity.Warning,
    Source = "Ofsted monitoring findings: changing risks while waiting should prompt an updated assessment")]
[Description("A new concern (a missing episode, or a new referral while an episode is open) after an assessment was authorised needs an updated assessment started within N working days.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC4005AssessmentNotUpdatedAfterNewConcern : ComplianceRule
{
    public override void Define()
    {
        var workingDays = Parameter("working_days", 10, "Working days allowed from the new concern to the start of an updated assessment");

        CaseAsOf @case = null!;
        NewConcern concern = null!;
        IEnumerable<Assessment> assessments = null!;

        When()
            .Match(() => @case)
            .Match(() => concern)
            .Exists<Assessment>(a => a.Authorised != null, a => a.Authorised < concern.Date)
            .Query(() => assessments, q => q
                .Match<Assessment>(a => a.Start >= concern.Date)
                .Collect());

        Then()
            .Do(ctx => ReportIfNotUpdated(ctx, @case, concern, assessments, workingDays.Value));
    }

    private void ReportIfNotUpdated(IContext context, CaseAsOf @case, NewConcern concern, IEnumerable<Assessment> assessments, int workingDays)
    {
        var links = RunChain(@case, concern.Id,
            new ChainDefinition<Assessment>
            {
                FirstAnchor = concern.Date,
                Deadline = link => @case.Dates.WorkingDays(link.Anchor, workingDays),
                Events = assessments,
                DateOf = assessment => assessment.Start,
                OpenAtAsOf = @case.IsOpen,
                SingleLink = true,
            });

        ReportBreaches(context, @case, links, $"Updated assessment after the {concern.Kind} of {Phrases.Date(concern.Date)}", DelayUnit.WorkingDays, concern.Id,
            link => new Dictionary<string, object?>
            {
                ["concernDate"] = concern.Date,
                ["concern"] = concern.Kind,
                ["assessmentStarted"] = link.MetOn,
                ["workingDays"] = workingDays,
            },
            link => [PreviouslyAuthorised(@case, concern), link.MetBy]);
    }

    /// <summary>The latest assessment authorised before the concern: the one the concern overtook.</summary>
    private static Assessment? PreviouslyAuthorised(CaseAsOf @case, NewConcern concern) =>
        @case.Current.Assessments.Where(a => a.Authorised < concern.Date).MaxBy(a => a.Authorised);
}
