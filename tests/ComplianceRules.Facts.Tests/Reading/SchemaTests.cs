using ComplianceRules.Facts.Reading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

/// <summary>Keeps docs/case-file.schema.json (for editors) true to case-file.md and to the reader.</summary>
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(File.ReadAllText(TestDataPath("case-file.schema.json"))).GetAwaiter().GetResult();

    [Theory]
    [InlineData("example.json")]
    [InlineData("every-field.json")]
    public void The_schema_accepts_valid_case_files(string name) =>
        Schema.Validate(File.ReadAllText(TestDataPath(name))).ShouldBeEmpty();

    [Theory]
    [InlineData("""{"team":"East"}""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"4 Feb 2026"}]}""")]
    [InlineData("""{"caseId":"C1","conferences":[{"id":"K1","kind":"annual","date":"2026-01-01"}]}""")]
    [InlineData("""{"caseId":"C1","visits":[{"date":"2026-01-01","seen":"yes"}]}""")]
    [InlineData("""{"caseId":"C1","schemaVersion":2}""")]
    public void The_schema_rejects_what_the_reader_rejects(string caseJson)
    {
        Schema.Validate(caseJson).ShouldNotBeEmpty();
        RejectOne(caseJson);
    }

    /// <summary>
    /// Removes each field of a case that uses every record kind, one at a time: the schema and the
    /// reader must agree on whether the case is still valid, and the reader must name the field.
    /// </summary>
    [Fact]
    public void The_schema_and_the_reader_agree_on_which_fields_are_required()
    {
        var document = JObject.Parse(File.ReadAllText(TestDataPath("every-field.json")));
        var disagreements = new List<string>();

        foreach (var property in document.Descendants().OfType<JProperty>().ToList())
        {
            var owner = (JObject)property.Parent!;
            var recordPath = owner.Path.Length == 0 ? "$" : "$." + owner.Path;
            property.Remove();
            var schemaAccepts = Schema.Validate(document).Count == 0;
            var result = ReadText(document.ToString(Formatting.None), "a.ndjson").ShouldHaveSingleItem();
            owner.Add(property);

            var expected = schemaAccepts ? "read" : $"{recordPath}: missing required field \"{property.Name}\"";
            var actual = result is RejectedCase rejected ? $"{rejected.JsonPath}: {rejected.Problem}" : "read";
            if (actual != expected)
                disagreements.Add($"without {recordPath}.{property.Name}: schema says {expected}, reader says {actual}");
        }

        disagreements.ShouldBeEmpty();
    }
}
