using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>Each evaluator of a check counts its own part of the summary; the parts add up to the whole.</summary>
public sealed class SummaryTests
{
    private static readonly AppliedSuppression Active =
        new(new Suppression { RuleId = "CSC1001", CaseId = "C1", Justification = "Child in hospital" }, Expired: false);

    [Fact]
    public void Parts_added_count_every_case_and_finding_of_both()
    {
        // One evaluator: two cases, a suppressed CSC1001 warning and an unsuppressed CSC3001 info.
        var first = new Summary();
        first.CountEvaluated();
        first.CountEvaluated();
        first.Count(Finding("CSC1001", Severity.Warning, Active));
        first.Count(Finding("CSC3001", Severity.Info));

        // The other: an unreadable case and one case with an unsuppressed CSC1001 error.
        var second = new Summary();
        second.CountRejected();
        second.CountEvaluated();
        second.Count(Finding("CSC1001", Severity.Error));

        var whole = new Summary();
        whole.Add(first);
        whole.Add(second);

        (whole.CasesEvaluated, whole.CasesRejected, whole.CasesRead, whole.Findings, whole.Suppressed).ShouldBe((3, 1, 4, 3, 1));
        whole.BySeverity.ToArray().ShouldBe([new(Severity.Error, 1), new(Severity.Warning, 1), new(Severity.Info, 1)]);
        whole.ByRule.ToArray().ShouldBe([new("CSC1001", 2), new("CSC3001", 1)]);

        // Only the second part had an unsuppressed error; the only warning was suppressed.
        first.HasUnsuppressedAtOrAbove(Severity.Warning).ShouldBeFalse();
        whole.HasUnsuppressedAtOrAbove(Severity.Error).ShouldBeTrue();
    }

    [Fact]
    public void Adding_an_empty_part_changes_nothing()
    {
        var whole = new Summary();
        whole.CountEvaluated();
        whole.Count(Finding("CSC1001", Severity.Warning, Active));

        whole.Add(new Summary());

        (whole.CasesRead, whole.Findings, whole.Suppressed).ShouldBe((1, 1, 1));
        whole.ByRule.ToArray().ShouldBe([new("CSC1001", 1)]);
        whole.HasUnsuppressedAtOrAbove(Severity.Info).ShouldBeFalse();
    }

    private static Finding Finding(string ruleId, Severity severity, AppliedSuppression? suppression = null) =>
        new(new RuleFinding { RuleId = ruleId, CaseId = "C1", Status = FindingStatus.Overdue, Message = "" }, severity, RuleCategory.ChildProtection, suppression);
}
