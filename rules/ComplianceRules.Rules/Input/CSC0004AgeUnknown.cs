using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Derived;

namespace ComplianceRules.Rules.Input;

[Diagnostic("CSC0004", "Age unknown", RuleCategory.Input, Severity.Info, Source = "rules.md \"Ages and birthdays\"; case-file.md (child.dateOfBirth)")]
[Description("A case with no date of birth and no expected date of birth that has a child protection plan open, a period of care or a pathway plan: the rules that need the child's age could not be evaluated on it.")]
[Reports(FindingStatus.Present)]
public sealed class CSC0004AgeUnknown : ComplianceRule
{
    public override void Define()
    {
        CaseAsOf @case = null!;
        IEnumerable<OpenCpPlan> openPlans = null!;

        // One collection per case, empty or not, so the rule fires at most once per case.
        When()
            .Match(() => @case, c => c.DateOfBirth == null, c => c.Current.Child.ExpectedDateOfBirth == null)
            .Query(() => openPlans, q => q.Match<OpenCpPlan>().Collect())
            .Having(() => openPlans.Any()
                || @case.Current.LookedAfter.Periods.Count > 0
                || @case.Current.CareLeaver.PathwayPlans.Count > 0);

        Then()
            .Do(ctx => ReportAgeUnknown(ctx, @case, openPlans.FirstOrDefault()));
    }

    private void ReportAgeUnknown(IContext context, CaseAsOf @case, OpenCpPlan? openPlan)
    {
        // Read from the catalogue's metadata at fire time (the catalogue is built by then), so a
        // rule that gains [RequiresDateOfBirth] is named here without anyone editing this list.
        var notEvaluated = RuleCatalog.Default.Descriptors
            .Where(d => d.RequiresDateOfBirth)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var period = @case.Current.LookedAfter.Periods.FirstOrDefault();
        var pathwayPlan = @case.Current.CareLeaver.PathwayPlans.FirstOrDefault();

        Report(context, @case, FindingStatus.Present,
            $"Age unknown: no date of birth recorded, so {Phrases.Count(notEvaluated.Length, "age rule")} could not be evaluated ({string.Join(", ", notEvaluated)})",
            arguments: new Dictionary<string, object?> { ["rulesNotEvaluated"] = notEvaluated },
            evidence: [openPlan?.Plan, period, pathwayPlan]);
    }
}
