using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Cli.Tests.Suppressions;

/// <summary>Suppressions: written and marked, never counted for --fail-on, until the day after they expire.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void An_active_suppression_marks_the_finding_and_keeps_it_written()
    {
        var findings = Visits(Suppress(expires: "2026-12-31"));

        findings.Length.ShouldBe(2);
        findings.ShouldAllBe(f => f.IsSuppressed && f.Suppression!.Entry.Justification == "Child in hospital");
    }

    [Fact]
    public void A_suppression_applies_on_its_expiry_day_and_stops_the_day_after()
    {
        Visits(Suppress(expires: "2026-03-16")).ShouldAllBe(f => f.IsSuppressed);

        var expired = Visits(Suppress(expires: "2026-03-15"));
        expired.ShouldAllBe(f => !f.IsSuppressed && f.Suppression!.Expired);
    }

    [Fact]
    public void A_subject_narrows_the_suppression_to_that_record()
    {
        Visits(Suppress(subjectId: "CPP1")).ShouldAllBe(f => f.IsSuppressed);
        Visits(Suppress(subjectId: "CPP2")).ShouldAllBe(f => f.Suppression == null);
    }

    [Fact]
    public void A_suppression_covers_its_own_case_and_rule_only()
    {
        var report = Cases.Check(Suppress(), Cases.VisitedLate("C1"), Cases.VisitedLate("C2"));

        report.Findings.Where(f => f.IsSuppressed).Select(f => (f.Result.CaseId, f.Result.RuleId)).Distinct()
            .ShouldBe([("C1", "CSC1001")]);
    }

    [Fact]
    public void Suppressed_findings_never_count_for_fail_on()
    {
        var report = Cases.Check(Cases.Profile("""
            { "severity": "none", "rules": { "CSC1001": { "severity": "error" } },
              "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1", "justification": "Child in hospital" } ] }
            """), Cases.VisitedLate("C1"));

        report.Summary.Findings.ShouldBe(2);
        report.Summary.Suppressed.ShouldBe(2);
        report.Summary.HasUnsuppressedAtOrAbove(Rules.Catalog.Severity.Info).ShouldBeFalse();
    }

    [Fact]
    public void An_expired_suppression_counts_for_fail_on_again()
    {
        var report = Cases.Check(Suppress(expires: "2026-01-31"), Cases.VisitedLate("C1"));

        report.Summary.HasUnsuppressedAtOrAbove(Rules.Catalog.Severity.Warning).ShouldBeTrue();
    }

    [Fact]
    public void A_fingerprint_does_not_change_when_only_the_severity_does()
    {
        var asWarning = Cases.Check(Profile.Default, Cases.VisitedLate("C1", "Disabled Children")).Findings;
        var asError = Cases.Check(
            Cases.Profile("""{ "teams": { "Disabled Children": { "rules": { "CSC1001": { "severity": "error" } } } } }"""),
            Cases.VisitedLate("C1", "Disabled Children")).Findings;

        asError.Select(f => f.Severity).Distinct().ShouldContain(Rules.Catalog.Severity.Error);
        asError.Select(f => f.Fingerprint).ShouldBe(asWarning.Select(f => f.Fingerprint));
    }

    private static Finding[] Visits(Profile profile) =>
        Cases.Check(profile, Cases.VisitedLate("C1")).Findings.Where(f => f.Result.RuleId == "CSC1001").ToArray();

    private static Profile Suppress(string? expires = null, string? subjectId = null) => Cases.Profile($$"""
        { "suppressions": [ { "ruleId": "CSC1001", "caseId": "C1", "justification": "Child in hospital", "approvedBy": "TM03"
          {{(expires is null ? "" : $", \"expires\": \"{expires}\"")}} {{(subjectId is null ? "" : $", \"subjectId\": \"{subjectId}\"")}} } ] }
        """);
}
