using System.Text;
using ComplianceRules.Facts.Model;
using Newtonsoft.Json;

namespace ComplianceRules.Facts.Reading;

/// <summary>
/// Reads case files (case-file.md) from <c>.json</c>, <c>.ndjson</c>/<c>.jsonl</c> files or a
/// directory of them, streaming: at most one case object is in memory at a time. Bad case content
/// never throws; it becomes a <see cref="RejectedCase"/> and reading goes on.
/// </summary>
public sealed class CaseFileReader
{
    private static readonly string[] JsonExtensions = [".json"];
    private static readonly string[] LineExtensions = [".ndjson", ".jsonl"];

    /// <summary>
    /// When set, only the cases whose caseId it accepts (null: a case whose caseId cannot be told)
    /// are read; the others come back as <see cref="UnreadCase"/>. On an NDJSON line the caseId that
    /// decides is the line's first (<see cref="FirstCaseId"/>), found without reading
    /// the rest, so a shard does not parse the cases of the others; a <c>.json</c> file's cases are
    /// read whole and decided by the caseId they were read with.
    /// </summary>
    public Func<string?, bool>? Wanted { get; init; }

    /// <summary>
    /// When true, an NDJSON line comes back as an <see cref="UnparsedCase"/>, to be parsed by
    /// whichever thread takes it (<see cref="CaseReadResult.Parsed"/>): a check then parses on every
    /// core, and the thread reading the file only splits it into lines. A <c>.json</c> file's
    /// cases are still parsed as they are read.
    /// </summary>
    public bool DeferParsing { get; init; }

    /// <summary>
    /// Every case below <paramref name="inputPath"/>, in input order: a file's cases in file order,
    /// a directory's files in ordinal order of their relative paths. Sources name files as
    /// <paramref name="inputPath"/> (joined with the relative path for a directory).
    /// </summary>
    /// <exception cref="InputException">The path does not exist, or names a file that is not a case file container.</exception>
    public IEnumerable<CaseReadResult> Read(string inputPath)
    {
        if (Directory.Exists(inputPath))
            return ReadFiles(CaseFilesBelow(inputPath));
        if (!File.Exists(inputPath))
            throw new InputException($"{inputPath}: no such file or directory");
        if (!IsCaseFileContainer(inputPath))
            throw new InputException($"{inputPath}: not a case file container; expected a .json, .ndjson or .jsonl file, or a directory");
        return ReadFiles([inputPath]);
    }

    /// <summary>
    /// The cases in <paramref name="content"/>, read as the container that <paramref name="fileName"/>'s
    /// extension names (e.g. standard input given a name); <paramref name="fileName"/> is what sources say.
    /// </summary>
    /// <exception cref="InputException"><paramref name="fileName"/> does not name a case file container.</exception>
    public IEnumerable<CaseReadResult> Read(TextReader content, string fileName) =>
        HasExtension(fileName, LineExtensions) ? ReadLines(content, fileName)
        : HasExtension(fileName, JsonExtensions) ? ReadWantedOf(ReadDocument(content, fileName))
        : throw new InputException($"{fileName}: not a case file container; expected a .json, .ndjson or .jsonl file");

    private IEnumerable<CaseReadResult> ReadFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var content = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024 });
            foreach (var result in Read(content, file))
                yield return result;
        }
    }

    private static List<string> CaseFilesBelow(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsCaseFileContainer)
            .Select(file => (Relative: Path.GetRelativePath(directory, file), File: Path.Join(directory, Path.GetRelativePath(directory, file))))
            .ToList();
        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Relative, b.Relative));
        return [.. files.Select(file => file.File)];
    }

    private static bool IsCaseFileContainer(string path) =>
        HasExtension(path, JsonExtensions) || HasExtension(path, LineExtensions);

    private static bool HasExtension(string path, string[] extensions) =>
        extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>NDJSON: each non-blank line is one case; broken JSON on a line rejects that line only.</summary>
    private IEnumerable<CaseReadResult> ReadLines(TextReader content, string file)
    {
        var propertyNames = new PropertyNameCache();
        var lineNumber = 0;
        while (content.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (Wanted is null)
            {
                yield return DeferParsing ? new UnparsedCase(new CaseSource(file, lineNumber), line) : ReadLine(line, file, lineNumber, propertyNames);
                continue;
            }

            var caseId = FirstCaseId(line);
            yield return !Wanted(caseId) ? new UnreadCase(new CaseSource(file, lineNumber), caseId)
                : DeferParsing ? new UnparsedCase(new CaseSource(file, lineNumber), line) { ShardKey = caseId }
                : ReadLine(line, file, lineNumber, propertyNames) with { ShardKey = caseId };
        }
    }

    /// <summary>
    /// The first <c>caseId</c> of the case object on an NDJSON line whose value is a string, read
    /// without the rest of the line (nested values are stepped over, not mapped); null when the line
    /// is not an object, has no such caseId, or breaks (broken JSON, a comment) before one.
    /// </summary>
    public static string? FirstCaseId(string line)
    {
        using var json = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, ArrayPool = CaseTokenReader.SharedCharPool.Instance };
        try
        {
            if (!json.Read() || json.TokenType != JsonToken.StartObject)
                return null;
            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                var isCaseId = (string)json.Value! == "caseId";
                if (!json.Read())
                    return null;
                if (isCaseId && json.TokenType == JsonToken.String)
                    return (string)json.Value!;
                json.Skip();
            }
            return null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>Cases read whole (a <c>.json</c> file's), each unwanted one turned into an <see cref="UnreadCase"/>.</summary>
    private IEnumerable<CaseReadResult> ReadWantedOf(IEnumerable<CaseReadResult> cases) =>
        Wanted is not { } wanted ? cases
        : cases.Select(read => wanted(read.ShardKey) ? read : new UnreadCase(read.Source, read.ShardKey));

    internal static CaseReadResult ReadLine(string line, string file, int lineNumber, PropertyNameCache propertyNames)
    {
        using var reader = new CaseTokenReader(new StringReader(line), file, propertyNames, lineOffset: lineNumber - 1);
        try
        {
            reader.TryAdvance();
            var result = reader.Token == JsonToken.StartObject ? reader.ReadCase() : reader.RejectNotACase("a case object");
            // Json.NET throws here if anything but whitespace follows the object on the line.
            reader.TryAdvance();
            return result;
        }
        catch (JsonReaderException error)
        {
            return reader.RejectSyntax(error, consequence: "");
        }
    }

    /// <summary>
    /// A <c>.json</c> file: one case object or an array of them. An element with bad content is
    /// rejected alone; after broken JSON the rest of the file cannot be trusted, so it gets one
    /// rejection and reading goes on with the next file.
    /// </summary>
    private static IEnumerable<CaseReadResult> ReadDocument(TextReader content, string file)
    {
        using var reader = new CaseTokenReader(content, file, new PropertyNameCache());
        var document = new DocumentCases(reader);
        while (true)
        {
            CaseReadResult? next;
            try
            {
                next = document.Next();
            }
            catch (JsonReaderException error)
            {
                next = reader.RejectSyntax(error, consequence: "; the rest of the file is not read");
                document.Abandon();
            }
            if (next is null)
                yield break;
            yield return next;
        }
    }

    /// <summary>Steps through a <c>.json</c> document's cases one at a time (an iterator cannot catch around <c>yield</c>).</summary>
    private sealed class DocumentCases(CaseTokenReader reader)
    {
        private enum Position { Start, InArray, End }

        private Position position = Position.Start;

        /// <summary>The next case's result, or null when the document has no more.</summary>
        public CaseReadResult? Next()
        {
            switch (position)
            {
                case Position.Start:
                    if (!reader.TryAdvance())
                    {
                        position = Position.End;
                        return reader.RejectNotACase("a case object or an array of case objects");
                    }
                    if (reader.Token == JsonToken.StartArray)
                    {
                        position = Position.InArray;
                        return Next();
                    }
                    position = Position.End;
                    var single = reader.Token == JsonToken.StartObject
                        ? reader.ReadCase()
                        : reader.RejectNotACase("a case object or an array of case objects");
                    EnsureNothingFollows();
                    return single;
                case Position.InArray:
                    reader.Advance();
                    if (reader.Token == JsonToken.EndArray)
                    {
                        position = Position.End;
                        EnsureNothingFollows();
                        return null;
                    }
                    if (reader.Token == JsonToken.StartObject)
                        return reader.ReadCase();
                    var notACase = reader.RejectNotACase("a case object");
                    reader.SkipValue();
                    return notACase;
                default:
                    return null;
            }
        }

        public void Abandon() => position = Position.End;

        /// <summary>Json.NET throws if anything but whitespace follows the document's value.</summary>
        private void EnsureNothingFollows() => reader.TryAdvance();
    }
}
