using ComplianceRules.Facts.Reading;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

/// <summary>
/// A reader told which cases it wants (a shard's): the others are counted as unread, and on an
/// NDJSON line the caseId that decides is the line's first, found without reading the rest.
/// </summary>
public class WantedCasesTests
{
    [Theory]
    [InlineData("""{"schemaVersion":1,"caseId":"C1","visits":[]}""", "C1")]
    // Nested objects are stepped over, even when they hold a caseId of their own.
    [InlineData("""{"child":{"caseId":"N"},"plans":[{"caseId":"N"}],"caseId":"C2"}""", "C2")]
    // Only a string is a caseId; the first string one decides, whatever follows.
    [InlineData("""{"caseId":7,"caseId":"C3"}""", "C3")]
    [InlineData("""{"caseId":"C4","caseId":"C5"}""", "C4")]
    [InlineData("""{"caseId":"C6", "visits": [ broken""", "C6")]
    // A date-like caseId stays the string it is.
    [InlineData("""{"caseId":"2026-01-02"}""", "2026-01-02")]
    // Broken JSON or a comment before any caseId, no caseId at all, or not an object: none.
    [InlineData("""{"team": broken, "caseId":"C7"}""", null)]
    [InlineData("""{/* note */ "caseId":"C8"}""", null)]
    [InlineData("""{"team":"T"}""", null)]
    [InlineData("""[{"caseId":"C9"}]""", null)]
    public void The_first_caseId_of_a_line_is_its_first_top_level_string_caseId(string line, string? caseId) =>
        CaseFileReader.FirstCaseId(line).ShouldBe(caseId);

    [Fact]
    public void An_unwanted_line_is_not_read_so_its_problems_are_for_the_reader_that_wants_it()
    {
        const string lines = """
            {"caseId":"A"}
            {"caseId":"B","visits":[{"date":"2026-02-30","seen":true}]}
            {"caseId":"C", "visits": [ broken
            {"team": broken
            {"caseId":"D"}
            """;

        // Line 2's impossible date and line 3's broken JSON are not looked at by a reader that does not want them.
        Read(lines, wanted: ["A", "D"]).ShouldBe([
            "read A at a.ndjson:1",
            "unread B at a.ndjson:2",
            "unread C at a.ndjson:3",
            "unread (no caseId) at a.ndjson:4",
            "read D at a.ndjson:5",
        ]);

        // The reader that wants them rejects them as an unfiltered reader does, naming line and field.
        Read(lines, wanted: ["B", "C", null]).ShouldBe([
            "unread A at a.ndjson:1",
            "rejected a.ndjson:2: $.visits[0].date: \"2026-02-30\" is not a real calendar date",
            .. ReadText(lines, "a.ndjson").Skip(2).Take(2).Select(Describe),
            "unread D at a.ndjson:5",
        ]);
    }

    [Fact]
    public void A_line_with_two_caseIds_is_decided_by_its_first_by_every_reader()
    {
        // Read whole, the case is rejected (an impossible date) and named by its last caseId; its
        // shard key stays the first, so that readers wanting "X1" and readers not wanting it agree.
        const string line = """{"caseId":"X1","caseId":"X2","cpPlans":[{"id":"P","start":"2026-02-30"}]}""";
        var wanted = new CaseFileReader { Wanted = caseId => caseId == "X1" }.Read(new StringReader(line), "a.ndjson").ToList().ShouldHaveSingleItem();
        var unwanted = new CaseFileReader { Wanted = caseId => caseId == "X2" }.Read(new StringReader(line), "a.ndjson").ToList().ShouldHaveSingleItem();

        wanted.ShouldBeOfType<RejectedCase>().CaseId.ShouldBe("X2");
        wanted.ShardKey.ShouldBe("X1");
        unwanted.ShouldBeOfType<UnreadCase>().ShardKey.ShouldBe("X1");
    }

    [Fact]
    public void A_json_files_cases_are_read_whole_and_decided_by_their_caseId()
    {
        var results = new CaseFileReader { Wanted = caseId => caseId == "B" }
            .Read(new StringReader("""[ { "caseId": "A" }, { "caseId": "B" } ]"""), "cases.json")
            .Select(Describe);

        results.ShouldBe(["unread A at cases.json:1", "read B at cases.json:1"]);
    }

    private static List<string> Read(string lines, string?[] wanted) =>
        [.. new CaseFileReader { Wanted = wanted.Contains }.Read(new StringReader(lines), "a.ndjson").Select(Describe)];
}
