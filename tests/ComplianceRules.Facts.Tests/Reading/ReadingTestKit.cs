using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;

namespace ComplianceRules.Facts.Tests.Reading;

/// <summary>Reading test inputs written inline, and the shipped examples under TestData/.</summary>
internal static class ReadingTestKit
{
    public static string TestDataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Reading", "TestData", name);

    public static List<CaseReadResult> ReadText(string content, string fileName) =>
        [.. new CaseFileReader().Read(new StringReader(content), fileName)];

    /// <summary>Reads one NDJSON line holding one case and expects it to be read.</summary>
    public static CaseFile ReadOne(string caseJson) =>
        ReadText(caseJson, "a.ndjson").ShouldHaveSingleItem().ShouldBeOfType<ReadCase>().Case;

    /// <summary>Reads one NDJSON line holding one case and expects it to be rejected.</summary>
    public static RejectedCase RejectOne(string caseJson) =>
        ReadText(caseJson, "a.ndjson").ShouldHaveSingleItem().ShouldBeOfType<RejectedCase>();

    public static string Describe(CaseReadResult result) => result switch
    {
        ReadCase read => $"read {read.Case.CaseId} at {read.Source.File}:{read.Source.Line}",
        RejectedCase rejected => $"rejected {rejected.Message}",
        UnreadCase unread => $"unread {unread.CaseId ?? "(no caseId)"} at {unread.Source.File}:{unread.Source.Line}",
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>A directory that deletes itself, for inputs that must be real files.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("case-reader-").FullName;

        public string Write(string relativePath, string content)
        {
            var file = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
