using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.LookedAfter;

[Diagnostic("CSC6005", "Placement instability", RuleCategory.LookedAfter, Severity.Info,
    Source = "DfE indicator: looked-after children with three or more placements in the year (SSDA903)")]
[Description("A child looked after at the as-of date who has started three or more placements in the last twelve months.")]
[Reports(FindingStatus.Present)]
public sealed class CSC6005PlacementInstability : ComplianceRule
{
    public override void Define()
    {
        var minPlacements = Parameter("placements", 3, "Placements started in the window from which the child's care is unstable");
        var windowMonths = Parameter("window_months", 12, "Months up to D in which placement starts are counted");

        CaseAsOf @case = null!;
        OpenCarePeriod lookedAfter = null!;
        IEnumerable<Placement> placements = null!;

        When()
            .Match(() => @case)
            .Match(() => lookedAfter)
            .Query(() => placements, q => q
                .Match<Placement>(p => p.Start >= DeadlineCalculator.Months(@case.AsOf, -windowMonths.Value))
                .Collect())
            .Having(() => placements.Count() >= minPlacements.Value);

        Then()
            .Do(ctx => ReportInstability(ctx, @case, placements, minPlacements.Value, windowMonths.Value));
    }

    private void ReportInstability(IContext context, CaseAsOf @case, IEnumerable<Placement> placements, int minPlacements, int windowMonths)
    {
        var started = placements.OrderBy(p => p.Start).ToArray();
        var windowStart = DeadlineCalculator.Months(@case.AsOf, -windowMonths);

        Report(context, @case, FindingStatus.Present,
            $"{Phrases.Count(started.Length, "placement")} started in the {Phrases.Count(windowMonths, "month")} up to {Phrases.Date(@case.AsOf)} (since {Phrases.Date(windowStart)})",
            arguments: new Dictionary<string, object?>
            {
                ["placementsStarted"] = started.Length,
                ["windowStart"] = windowStart,
                ["minPlacements"] = minPlacements,
                ["windowMonths"] = windowMonths,
            },
            evidence: started);
    }
}
