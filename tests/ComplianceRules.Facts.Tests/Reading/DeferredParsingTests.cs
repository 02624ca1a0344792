using ComplianceRules.Facts.Reading;
using Newtonsoft.Json;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

/// <summary>
/// A reader that defers parsing (a check's, so that every core parses): an NDJSON line comes back
/// unparsed, and parsing it on any thread gives what reading it at once gives.
/// </summary>
public class DeferredParsingTests
{
    private const string Lines = """
        {"caseId":"A","team":"North","visits":[{"date":"2026-02-03","seen":true}]}

        {"caseId":"B","visits":[{"date":"2026-02-30","seen":true}]}
        {"caseId":"C", "visits": [ broken
        {"caseId":"D"}
        """;

    [Fact]
    public async Task A_deferred_line_parsed_on_another_thread_gives_what_reading_it_at_once_gives()
    {
        var deferred = new CaseFileReader { DeferParsing = true }.Read(new StringReader(Lines), "a.ndjson").ToList();

        // Four cases (the blank line 2 is no case), each where reading it at once finds it.
        deferred.ShouldAllBe(read => read is UnparsedCase);
        deferred.Select(read => read.Source.Line).ShouldBe([1, 3, 4, 5]);
        var parsed = await Task.Run(() => deferred.Select(read => read.Parsed()).ToList());
        var atOnce = ReadText(Lines, "a.ndjson");
        parsed.Select(Describe).ShouldBe(atOnce.Select(Describe));
        parsed.Select(Describe).ShouldBe([
            "read A at a.ndjson:1",
            "rejected a.ndjson:3: $.visits[0].date: \"2026-02-30\" is not a real calendar date",
            .. atOnce.Skip(2).Take(1).Select(Describe),
            "read D at a.ndjson:5",
        ]);
        parsed[2].ShouldBeOfType<RejectedCase>().Line.ShouldBe(4);
        // Every field, not only the caseId: the whole case serialises alike.
        JsonConvert.SerializeObject(((ReadCase)parsed[0]).Case).ShouldBe(JsonConvert.SerializeObject(((ReadCase)atOnce[0]).Case));
    }

    [Fact]
    public void A_shard_reader_that_defers_leaves_the_lines_it_wants_unparsed_keyed_by_their_first_caseId()
    {
        var results = new CaseFileReader { Wanted = caseId => caseId is "B" or "C", DeferParsing = true }
            .Read(new StringReader(Lines), "a.ndjson").ToList();

        results.Select(read => read.GetType().Name).ShouldBe([nameof(UnreadCase), nameof(UnparsedCase), nameof(UnparsedCase), nameof(UnreadCase)]);
        results.Select(read => read.ShardKey).ShouldBe(["A", "B", "C", "D"]);
    }

    [Fact]
    public void An_unparsed_lines_shard_key_is_its_first_caseId_as_a_shard_reader_decides()
    {
        // rules read the last of two caseIds; a shard decides by the first, whoever parses the line.
        var line = new CaseFileReader { DeferParsing = true }.Read(new StringReader("""{"caseId":"X1","caseId":"X2"}"""), "a.ndjson").Single();

        line.ShardKey.ShouldBe("X1");
        ((ReadCase)line.Parsed()).Case.CaseId.ShouldBe("X2");
    }

    [Fact]
    public void A_json_files_cases_are_parsed_as_they_are_read_even_when_parsing_is_deferred()
    {
        var results = new CaseFileReader { DeferParsing = true }
            .Read(new StringReader("""[ { "caseId": "A" }, { "caseId": "B" } ]"""), "cases.json")
            .Select(Describe);

        results.ShouldBe(["read A at cases.json:1", "read B at cases.json:1"]);
    }
}
