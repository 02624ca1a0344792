using ComplianceRules.Facts.Reading;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

/// <summary>case-file.md "What makes a case file unreadable", one kind at a time, with the exact message.</summary>
public class RejectionTests
{
    [Theory]
    // not valid JSON
    [InlineData("""{"caseId":"C1","team":}""", """$.team: not valid JSON: Unexpected character encountered while parsing value: }""")]
    [InlineData("""[{"caseId":"C1"}]""", """$: expected a case object, found an array""")]
    // caseId
    [InlineData("""{"team":"East"}""", "$: missing required field \"caseId\"")]
    [InlineData("""{"caseId":null}""", "$: missing required field \"caseId\"")]
    [InlineData("""{"caseId":""}""", """$.caseId: required field "caseId" is empty""")]
    [InlineData("""{"caseId":1234}""", """$.caseId: expected a string, found 1234""")]
    // schema version
    [InlineData("""{"caseId":"C1","schemaVersion":2}""", """$.schemaVersion: schema version 2 is not supported (supported: 1)""")]
    [InlineData("""{"caseId":"C1","schemaVersion":"1"}""", "$.schemaVersion: expected an integer, found \"1\"")]
    // dates
    [InlineData("""{"caseId":"C1","cpPlans":[{"id":"P1","start":"2026-02-30"}]}""", """$.cpPlans[0].start: "2026-02-30" is not a real calendar date""")]
    [InlineData("""{"caseId":"C1","child":{"dateOfBirth":"2025-02-29"}}""", """$.child.dateOfBirth: "2025-02-29" is not a real calendar date""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-13-01"}]}""", """$.visits[0].date: "2026-13-01" is not a real calendar date""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"04/02/2026"}]}""", """$.visits[0].date: "04/02/2026" is not a date (YYYY-MM-DD)""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-2-4"}]}""", """$.visits[0].date: "2026-2-4" is not a date (YYYY-MM-DD)""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-02-04T10:00"}]}""", """$.visits[0].date: "2026-02-04T10:00" is not a date (YYYY-MM-DD)""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":20260204}]}""", """$.visits[0].date: expected a date (YYYY-MM-DD), found 20260204""")]
    [InlineData("""{"caseId":"C1","lookedAfter":{"reviews":["2026-01-01",null]}}""", """$.lookedAfter.reviews[1]: expected a date (YYYY-MM-DD), found null""")]
    [InlineData("""{"caseId":"C1","cinPlans":[{"id":"N1","start":"2026-01-01","reviews":["2026-31-01"]}]}""", """$.cinPlans[0].reviews[0]: "2026-31-01" is not a real calendar date""")]
    [InlineData("""{"caseId":"C1","missingEpisodes":[{"id":"M1","start":"2026-01-01","returned":"2026-01-02 10:00"}]}""", """$.missingEpisodes[0].returned: "2026-01-02 10:00" is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm)""")]
    [InlineData("""{"caseId":"C1","missingEpisodes":[{"id":"M1","start":"2026-01-01","returned":"2026-01-02T24:00"}]}""", """$.missingEpisodes[0].returned: "2026-01-02T24:00" is not a real time of day""")]
    [InlineData("""{"caseId":"C1","missingEpisodes":[{"id":"M1","start":"2026-01-01","returnInterview":{"offered":"2026-02-30T09:00"}}]}""", """$.missingEpisodes[0].returnInterview.offered: "2026-02-30T09:00" is not a real calendar date""")]
    // wrong types
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-01-01","seen":"yes"}]}""", "$.visits[0].seen: expected true or false, found \"yes\"")]
    [InlineData("""{"caseId":"C1","visits":{"date":"2026-01-01"}}""", """$.visits: expected an array, found an object""")]
    [InlineData("""{"caseId":"C1","visits":["2026-01-01"]}""", "$.visits[0]: expected an object, found \"2026-01-01\"")]
    [InlineData("""{"caseId":"C1","child":"2016-05-14"}""", "$.child: expected an object, found \"2016-05-14\"")]
    [InlineData("""{"caseId":"C1","allocations":[{"workerId":17,"role":"other","start":"2026-01-01"}]}""", """$.allocations[0].workerId: expected a string, found 17""")]
    // listed values
    [InlineData("""{"caseId":"C1","conferences":[{"id":"K1","kind":"annual","date":"2026-01-01"}]}""", """$.conferences[0].kind: "annual" is not one of initial, review""")]
    [InlineData("""{"caseId":"C1","allocations":[{"workerId":"W","role":"SocialWorker","start":"2026-01-01"}]}""", """$.allocations[0].role: "SocialWorker" is not one of socialWorker, personalAdviser, teamManager, other""")]
    [InlineData("""{"caseId":"C1","managementOversight":[{"date":"2026-01-01","managerId":"M","event":1}]}""", """$.managementOversight[0].event: expected one of general, planStart, planEnd, closure, stepDown, assessment, significantEvent, found 1""")]
    [InlineData("""{"caseId":"C1","legal":{"preProceedings":[{"id":"PP1","start":"2026-01-01","outcome":"withdrawn"}]}}""", """$.legal.preProceedings[0].outcome: "withdrawn" is not one of stepDown, issued""")]
    // required fields
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-01-01"},{"date":"2026-01-02"},{"seen":false}]}""", "$.visits[2]: missing required field \"date\"")]
    [InlineData("""{"caseId":"C1","conferences":[{"id":"K1","date":"2026-01-01"}]}""", "$.conferences[0]: missing required field \"kind\"")]
    [InlineData("""{"caseId":"C1","supervisions":[{"date":"2026-01-01","supervisorId":null}]}""", "$.supervisions[0]: missing required field \"supervisorId\"")]
    [InlineData("""{"caseId":"C1","lookedAfter":{"healthAssessments":[{"kind":"review"}]}}""", "$.lookedAfter.healthAssessments[0]: missing required field \"date\"")]
    [InlineData("""{"caseId":"C1","planActions":[{"planId":"  "}]}""", """$.planActions[0].planId: required field "planId" is empty""")]
    // duplicate ids
    [InlineData("""{"caseId":"C1","cpPlans":[{"id":"P1","start":"2026-01-01"},{"id":"P2","start":"2026-02-01"},{"id":"P1","start":"2026-03-01"}]}""", """$.cpPlans[2].id: duplicate id "P1", also at cpPlans[0]""")]
    public void A_case_is_rejected_with_a_message_naming_file_line_path_and_problem(string caseJson, string pathAndProblem) =>
        RejectOne(caseJson).Message.ShouldBe($"a.ndjson:1: {pathAndProblem}");

    [Fact]
    public void The_line_is_the_line_of_the_bad_value_or_of_the_record_that_lacks_a_field()
    {
        var results = ReadText("""
            [
              {
                "caseId": "C1",
                "visits": [
                  { "date": "2026-01-01" },
                  {
                    "seen": false
                  }
                ]
              },
              {
                "caseId": "C2",
                "visits": [
                  { "date": "2026-01-01",
                    "seenAlone": "no" }
                ]
              }
            ]
            """, "cases.json");

        results.Select(Describe).ShouldBe([
            "rejected cases.json:6: $.visits[1]: missing required field \"date\"",
            "rejected cases.json:15: $.visits[0].seenAlone: expected true or false, found \"no\"",
        ]);
    }

    [Fact]
    public void A_rejection_names_the_case_id_even_when_it_follows_the_problem()
    {
        var rejected = RejectOne("""{"visits":[{"date":"2026-02-30"}],"caseId":"C7"}""");

        rejected.CaseId.ShouldBe("C7");
        rejected.Source.ShouldBe(new("a.ndjson", 1));
    }

    [Fact]
    public void A_rejection_without_a_readable_case_id_has_none() =>
        RejectOne("""{"visits":[{"date":"2026-02-30"}]}""").CaseId.ShouldBeNull();

    [Fact]
    public void Ids_need_only_be_unique_within_their_own_array()
    {
        var caseFile = ReadOne("""{"caseId":"C1","cpPlans":[{"id":"X","start":"2026-01-01"}],"cinPlans":[{"id":"X","start":"2026-01-01"}]}""");

        caseFile.CpPlans.ShouldHaveSingleItem().Id.ShouldBe("X");
        caseFile.CinPlans.ShouldHaveSingleItem().Id.ShouldBe("X");
    }
}
