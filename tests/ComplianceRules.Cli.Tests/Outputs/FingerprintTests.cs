using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Outputs;

/// <summary>
/// A fingerprint is the first 32 hex digits of SHA-256 over "v1|ruleId|caseId|subjectId|dueDate" in
/// UTF-8; yesterday's findings.json holds them, so the expected values here are fixed, not recomputed.
/// </summary>
public sealed class FingerprintTests
{
    [Fact]
    public void Hashes_every_part_of_the_key_as_utf8()
    {
        Fingerprint("CSC2001", "CASE-Zoë-7", "visit-ø-3", new DateOnly(2026, 1, 5)).ShouldBe("425e35c963efd1f2b96a9034b75b007d");
    }

    [Fact]
    public void Leaves_missing_parts_of_the_key_empty()
    {
        Fingerprint("CSC0001", "C-1", subjectId: null, dueDate: null).ShouldBe("dd1a17d667051dc0970702a77d57ad14");
    }

    [Fact]
    public void Hashes_ids_too_long_for_the_stack_buffer_the_same_way()
    {
        var caseId = new string('é', 300);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"v1|CSC1001|{caseId}|CPP1|2026-03-02")))[..32];

        Fingerprint("CSC1001", caseId, "CPP1", new DateOnly(2026, 3, 2)).ShouldBe(expected);
    }

    private static string Fingerprint(string ruleId, string? caseId, string? subjectId, DateOnly? dueDate) =>
        Finding.FingerprintOf(new RuleFinding
        {
            RuleId = ruleId,
            CaseId = caseId,
            SubjectId = subjectId,
            DueDate = dueDate,
            Status = FindingStatus.Missed,
            Message = "",
        });
}
