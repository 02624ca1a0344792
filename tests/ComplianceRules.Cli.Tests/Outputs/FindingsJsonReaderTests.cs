using ComplianceRules.Outputs;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Cli.Tests.Outputs;

public sealed class FindingsJsonReaderTests
{
    [Fact]
    public void A_finding_read_back_keeps_its_arguments_but_not_the_json_object_it_was_read_from()
    {
        var body = JObject.Parse("""
            {
              "ruleId": "CSC3001", "severity": "warning", "category": "Oversight", "caseId": "C-1", "subjectId": null,
              "status": "overdue", "dueDate": "2026-10-01", "metOn": null, "message": "m",
              "arguments": { "lastSupervision": "2026-09-01", "intervalDays": 30, "status": "cp" },
              "evidence": ["supervisions[0]"], "team": null, "workerId": null, "fingerprint": "f", "suppression": null
            }
            """);

        var arguments = FindingsJsonReader.FromJson(body, "findings.json").Result.Arguments;

        arguments.Keys.ShouldBe(["lastSupervision", "intervalDays", "status"]);
        ((JToken)arguments["intervalDays"]!).Value<int>().ShouldBe(30);
        ((JToken)arguments["lastSupervision"]!).Value<string>().ShouldBe("2026-09-01");
        // A value whose parent is the document would hold every other property of the finding in memory.
        arguments.Values.ShouldAllBe(value => ((JToken)value!).Parent == null);
    }
}
