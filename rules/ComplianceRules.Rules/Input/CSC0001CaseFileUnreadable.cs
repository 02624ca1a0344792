using ComplianceRules.Engine;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Input;

[Diagnostic("CSC0001", "Case file could not be read", RuleCategory.Input, Severity.Error, Source = "case-file.md")]
[Description("A case file that is not valid JSON, lacks its caseId, or holds an impossible date, a wrong type, an unknown value or a record without a required field is rejected; the finding names the file, line and JSON path.")]
[Reports(FindingStatus.Present)]
public sealed class CSC0001CaseFileUnreadable : ComplianceRule
{
    public override void Define()
    {
        RejectedCase rejected = null!;

        When()
            .Match(() => rejected);

        Then()
            .Do(ctx => ctx.Insert(Describe(rejected)));
    }

    private RuleFinding Describe(RejectedCase rejected) => new()
    {
        RuleId = Id,
        CaseId = rejected.CaseId,
        Status = FindingStatus.Present,
        Message = $"Case file could not be read: {rejected.Problem}",
        Arguments = new Dictionary<string, object?> { ["jsonPath"] = rejected.JsonPath },
        Source = new FindingSource(rejected.Source.File, rejected.Line, rejected.JsonPath),
        File = rejected.Source.File,
        Line = rejected.Line,
    };
}
