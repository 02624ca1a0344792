using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Input;

[Diagnostic("CSC0004", "Age unknown", RuleCategory.Input, Severity.Info, Source = "rules.md \"Ages and birthdays\"; case-file.md (child.dateOfBirth)")]
[Description("A case with no date of birth and no expected date of birth that has a child protection plan open, a period of care or a pathway plan: the rules that need the child's age could not be evaluated on it.")]
[Reports(FindingStatus.Present)]
public sealed class CSC0004AgeUnknown : ComplianceRule
{
    public override void Define()
    {
        CaseAsOf @case = null!;

        When()
            .Match(() => @case,
                c => c.DateOfBirth == null,
                c => c.Current.Child.ExpectedDateOfBirth == null,
                c => c.Current.CpPlans.Any(p => p.IsOpenOn(c.AsOf))
                    || c.Current.LookedAfter.Periods.Count > 0
                    || c.Current.CareLeaver.PathwayPlans.Count > 0);

        Then()
            .Do(ctx => ReportAgeUnknown(ctx, @case));
    }

    private void ReportAgeUnknown(IContext context, CaseAsOf @case)
    {
        // Read from the catalogue's metadata at fire time (the catalogue is built by then), so a
        // rule that gains [RequiresDateOfBirth] is named here without anyone editing this list.
        var notEvaluated = RuleCatalog.Default.Descriptors
            .Where(d => d.RequiresDateOfBirth)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var openPlan = @case.Current.CpPlans.FirstOrDefault(p => p.IsOpenOn(@case.AsOf));
        var period = @case.Current.LookedAfter.Periods.FirstOrDefault();
        var pathwayPlan = @case.Current.CareLeaver.PathwayPlans.FirstOrDefault();

        Report(context, @case, FindingStatus.Present,
            $"Age unknown: no date of birth recorded, so {Phrases.Count(notEvaluated.Length, "age rule")} could not be evaluated ({string.Join(", ", notEvaluated)})",
            arguments: new Dictionary<string, object?> { ["rulesNotEvaluated"] = notEvaluated },
            evidence: [openPlan, period, pathwayPlan]);
    }
}
