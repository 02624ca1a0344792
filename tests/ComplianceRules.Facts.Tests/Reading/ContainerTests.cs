using ComplianceRules.Facts.Reading;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

public class ContainerTests
{
    [Fact]
    public void A_json_file_holds_one_case_object()
    {
        var results = new CaseFileReader().Read(TestDataPath("example.json")).ToList();

        var read = results.ShouldHaveSingleItem().ShouldBeOfType<ReadCase>();
        read.Case.CaseId.ShouldBe("C100234");
        read.Source.ShouldBe(new(TestDataPath("example.json"), 1));
    }

    [Fact]
    public void A_json_file_holds_an_array_of_case_objects()
    {
        var results = ReadText("""
            [
              { "caseId": "A" },
              { "caseId": "B" }
            ]
            """, "cases.json");

        results.Select(Describe).ShouldBe(["read A at cases.json:2", "read B at cases.json:3"]);
    }

    [Fact]
    public void An_empty_json_array_holds_no_cases() => ReadText(" [ ] ", "cases.json").ShouldBeEmpty();

    [Theory]
    [InlineData("cases.ndjson")]
    [InlineData("cases.jsonl")]
    public void A_line_file_holds_one_case_per_line_and_blank_lines_are_ignored(string fileName)
    {
        var results = ReadText("{\"caseId\":\"A\"}\n\n   \r\n{\"caseId\":\"B\"}\n", fileName);

        results.Select(Describe).ShouldBe([$"read A at {fileName}:1", $"read B at {fileName}:4"]);
    }

    [Fact]
    public void Reading_goes_on_after_a_rejected_case()
    {
        var results = ReadText("""
            {"caseId":"A"}
            {"caseId":"B","visits":[{"seen":true}]}
            {"caseId":"C"}
            """, "a.ndjson");

        results.Select(Describe).ShouldBe([
            "read A at a.ndjson:1",
            "rejected a.ndjson:2: $.visits[0]: missing required field \"date\"",
            "read C at a.ndjson:3",
        ]);
    }

    [Fact]
    public void Broken_json_on_a_line_rejects_that_line_only()
    {
        var results = ReadText("""
            {"caseId":"A"}
            {"caseId":"B","visits":[{"date":"2026-01-01",}
            {"caseId":"C"} {"caseId":"D"}
            {"caseId":"E"}
            """, "a.ndjson");

        results.Select(Describe).ShouldBe([
            "read A at a.ndjson:1",
            "rejected a.ndjson:2: $.visits[0]: not valid JSON: unexpected end of input",
            "rejected a.ndjson:3: $: not valid JSON: Additional text encountered after finished reading JSON content: {",
            "read E at a.ndjson:4",
        ]);
        results[1].ShouldBeOfType<RejectedCase>().CaseId.ShouldBe("B");
    }

    [Fact]
    public void A_bad_element_of_a_json_array_is_rejected_alone()
    {
        var results = ReadText("""
            [
              { "caseId": "A" },
              { "caseId": "B",
                "cpPlans": [ { "id": "P1", "start": "2026-02-30" } ] },
              "C",
              { "caseId": "D" }
            ]
            """, "cases.json");

        results.Select(Describe).ShouldBe([
            "read A at cases.json:2",
            "rejected cases.json:4: $.cpPlans[0].start: \"2026-02-30\" is not a real calendar date",
            "rejected cases.json:5: $: expected a case object, found \"C\"",
            "read D at cases.json:6",
        ]);
    }

    [Fact]
    public void Broken_json_in_a_json_file_rejects_the_rest_of_that_file_and_reading_goes_on_with_the_next()
    {
        using var input = new TempDirectory();
        input.Write("a.json", """
            [
              { "caseId": "A" },
              { "caseId": "B",
                "visits": [ { "date": "2026-01-05" ] },
              { "caseId": "C" }
            ]
            """);
        input.Write("b.json", """{ "caseId": "D" }""");

        var results = new CaseFileReader().Read(input.Path).ToList();

        results.Select(Describe).ShouldBe([
            $"read A at {input.Path}/a.json:2",
            $"rejected {input.Path}/a.json:4: $.visits[0]: not valid JSON: JsonToken EndArray is not valid for closing JsonType Object; the rest of the file is not read",
            $"read D at {input.Path}/b.json:1",
        ]);
        var rejected = results[1].ShouldBeOfType<RejectedCase>();
        rejected.CaseId.ShouldBe("B");
        rejected.Source.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("", "cases.json:1: $: expected a case object or an array of case objects, found none")]
    [InlineData("\"C1\"", "cases.json:1: $: expected a case object or an array of case objects, found \"C1\"")]
    [InlineData("{ \"caseId\": \"A\" } x", "cases.json:1: $: not valid JSON: Additional text encountered after finished reading JSON content: x; the rest of the file is not read")]
    [InlineData("// note\n{ \"caseId\": \"A\" }", "cases.json:1: $: not valid JSON: comments are not allowed in JSON; the rest of the file is not read")]
    public void A_json_file_that_is_not_a_case_or_array_of_cases_is_rejected(string content, string message) =>
        ReadText(content, "cases.json").ShouldHaveSingleItem().ShouldBeOfType<RejectedCase>().Message.ShouldBe(message);

    [Fact]
    public void A_directory_is_read_recursively_in_ordinal_order_of_relative_paths_skipping_other_files()
    {
        using var input = new TempDirectory();
        input.Write("b.ndjson", """{"caseId":"b"}""");
        input.Write("B.json", """{"caseId":"B"}""");
        input.Write("a/z.jsonl", """{"caseId":"a/z"}""");
        input.Write("a.json", """{"caseId":"a"}""");
        input.Write("a/readme.txt", "not a case file");
        input.Write("a-b.json", """{"caseId":"a-b"}""");

        var caseIds = new CaseFileReader().Read(input.Path).Cast<ReadCase>().Select(read => read.Case.CaseId);

        // Ordinal: "B" < "a" < "a-b.json" < "a.json" < "a/z.jsonl" < "b" ('-' 0x2D < '.' 0x2E < '/' 0x2F).
        caseIds.ShouldBe(["B", "a-b", "a", "a/z", "b"]);
    }

    [Fact]
    public void Sources_name_files_under_the_directory_as_the_caller_gave_it()
    {
        using var input = new TempDirectory();
        input.Write("sub/a.ndjson", "\n{\"caseId\":\"A\"}");
        var relativeRoot = Path.GetRelativePath(Environment.CurrentDirectory, input.Path);

        var read = new CaseFileReader().Read(relativeRoot).ShouldHaveSingleItem().ShouldBeOfType<ReadCase>();

        read.Source.ShouldBe(new(Path.Join(relativeRoot, "sub/a.ndjson"), 2));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error() =>
        Should.Throw<InputException>(() => new CaseFileReader().Read("no/such/cases.json"))
            .Message.ShouldBe("no/such/cases.json: no such file or directory");

    [Fact]
    public void A_file_named_with_another_extension_is_a_usage_error()
    {
        using var input = new TempDirectory();
        var file = input.Write("cases.csv", "caseId\nA");

        Should.Throw<InputException>(() => new CaseFileReader().Read(file))
            .Message.ShouldBe($"{file}: not a case file container; expected a .json, .ndjson or .jsonl file, or a directory");
    }
}
