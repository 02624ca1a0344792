using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Drift;

[Diagnostic("CSC4006", "Re-referral within 12 months", RuleCategory.Drift, Severity.Info,
    Source = "DfE indicator (re-referrals within 12 months of a previous referral); Ofsted monitoring findings (cases closed prematurely)")]
[Description("A referral within the lookback that comes within N months of a previous referral of the same child, as the DfE re-referral measure counts it.")]
[Reports(FindingStatus.Present)]
public sealed class CSC4006ReReferralWithin12Months : ComplianceRule
{
    public override void Define()
    {
        var windowMonths = Parameter("window_months", 12, "Months after a previous referral within which a new referral is a re-referral");

        CaseAsOf @case = null!;
        Referral referral = null!;
        IEnumerable<Referral> previous = null!;

        When()
            .Match(() => @case)
            .Match(() => referral, r => @case.IsWithinLookback(r.Date))
            .Query(() => previous, q => q
                .Match<Referral>(
                    p => p.Date < referral.Date,
                    p => referral.Date <= DeadlineCalculator.Months(p.Date, windowMonths.Value))
                .Collect())
            .Having(() => previous.Any());

        Then()
            .Do(ctx => ReportReReferral(ctx, @case, referral, previous, windowMonths.Value));
    }

    private void ReportReReferral(IContext context, CaseAsOf @case, Referral referral, IEnumerable<Referral> previous, int windowMonths)
    {
        // The DfE measure counts from the previous referral: the latest one before this.
        var latest = previous.OrderBy(p => p.Date).Last();

        Report(context, @case, FindingStatus.Present,
            $"Re-referral on {Phrases.Date(referral.Date)}, {Phrases.Duration(latest.Date, referral.Date)} after the previous referral of {Phrases.Date(latest.Date)}",
            subjectId: referral.Id,
            arguments: new Dictionary<string, object?>
            {
                ["referralDate"] = referral.Date,
                ["previousReferralDate"] = latest.Date,
                ["windowMonths"] = windowMonths,
            },
            evidence: [latest]);
    }
}
