using System.Buffers;
using System.Globalization;
using ComplianceRules.Facts.Model;
using Newtonsoft.Json;

namespace ComplianceRules.Facts.Reading;

/// <summary>
/// Reads case objects token by token from one JSON text (a whole <c>.json</c> file, or one NDJSON
/// line), so no more than one case is ever in memory. It keeps track of where it is (the JSON
/// path and line of the object being mapped) only as far as messages and record paths need it.
/// </summary>
internal sealed class CaseTokenReader : IDisposable
{
    private readonly JsonTextReader json;
    private readonly string file;
    private readonly int lineOffset;
    private readonly HashSet<string> idsInArray = new(StringComparer.Ordinal);

    private CaseSource? currentCase;
    private int currentCaseDepth;
    private string? currentCaseId;

    /// <param name="propertyNames">Shared by the readers of one file's lines.</param>
    /// <param name="lineOffset">Lines before the text in its file (an NDJSON line's number - 1).</param>
    public CaseTokenReader(TextReader text, string file, PropertyNameCache propertyNames, int lineOffset = 0)
    {
        json = new JsonTextReader(text)
        {
            // Dates stay strings: the contract's date forms are checked here, not by Json.NET's guesses.
            DateParseHandling = DateParseHandling.None,
            ArrayPool = SharedCharPool.Instance,
            PropertyNameTable = propertyNames,
            CloseInput = false, // whoever opened the text closes it
        };
        this.file = file;
        this.lineOffset = lineOffset;
    }

    /// <summary>The path of the object being mapped, without <c>$.</c>: <c>""</c> for the case, <c>visits[3]</c> for a record.</summary>
    public string ObjectPath { get; private set; } = "";

    /// <summary>The line the object being mapped starts on.</summary>
    public int ObjectLine { get; private set; }

    public JsonToken Token => json.TokenType;

    /// <summary>The current token's line in the file (Json.NET says 0 before the first token).</summary>
    private int Line => Math.Max(json.LineNumber, 1) + lineOffset;

    public void Dispose() => ((IDisposable)json).Dispose();

    /// <summary>Moves to the next token; false at the end of the text.</summary>
    public bool TryAdvance()
    {
        if (!json.Read())
            return false;
        if (json.TokenType == JsonToken.Comment)
            throw SyntaxError("comments are not allowed in JSON");
        return true;
    }

    /// <summary>Moves to the next token inside a value, where the end of the text means broken JSON.</summary>
    public void Advance()
    {
        if (!TryAdvance())
            throw SyntaxError("unexpected end of input");
    }

    /// <summary>
    /// Reads the case object whose <c>{</c> is the current token and leaves the reader on its <c>}</c>.
    /// Bad content gives a <see cref="RejectedCase"/>; broken JSON throws <see cref="JsonReaderException"/>.
    /// </summary>
    public CaseReadResult ReadCase()
    {
        var source = new CaseSource(file, Line);
        (currentCase, currentCaseDepth, currentCaseId) = (source, json.Depth, null);
        (ObjectPath, ObjectLine) = ("", source.Line);
        CaseReadResult result;
        try
        {
            result = new ReadCase(CaseFileMapping.ReadCase(this, source));
        }
        catch (CaseContentException problem)
        {
            SkipRestOfCase();
            result = new RejectedCase(source, problem.Line, currentCaseId, problem.JsonPath, problem.Problem);
        }
        currentCase = null;
        return result;
    }

    /// <summary>Remembers the case's id so that a rejection can name it.</summary>
    public void NoteCaseId(string? caseId)
    {
        if (!string.IsNullOrWhiteSpace(caseId))
            currentCaseId = caseId;
    }

    /// <summary>A rejection for a value where a case object belongs.</summary>
    public RejectedCase RejectNotACase(string expected) =>
        new(new CaseSource(file, Line), Line, null, "$", $"expected {expected}, found {DescribeToken()}");

    /// <summary>A rejection for broken JSON, inside the case being read if there is one.</summary>
    public RejectedCase RejectSyntax(JsonReaderException error, string consequence)
    {
        var line = Math.Max(error.LineNumber, 1) + lineOffset;
        var path = error.Path ?? "";
        if (currentCase is not null && currentCaseDepth > 0)
            path = WithoutLeadingIndex(path); // in a .json array, paths are relative to the case object
        return new RejectedCase(currentCase ?? new CaseSource(file, line), line, currentCase is null ? null : currentCaseId,
            RootedPath(path), $"not valid JSON: {Reason(error)}{consequence}");
    }

    // ---- Mapping an object's properties ----

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    public bool NextProperty(out string name)
    {
        Advance();
        if (json.TokenType == JsonToken.EndObject)
        {
            name = "";
            return false;
        }
        name = (string)json.Value!;
        Advance();
        return true;
    }

    /// <summary>Passes over the current value (an unknown field's: they are ignored).</summary>
    public void SkipValue()
    {
        if (json.TokenType is not (JsonToken.StartObject or JsonToken.StartArray))
            return;
        var depth = json.Depth;
        do Advance(); while (json.Depth > depth);
    }

    public string? String(string field) => json.TokenType switch
    {
        JsonToken.String => (string)json.Value!,
        JsonToken.Null => null,
        _ => throw WrongType(field, "a string"),
    };

    public bool? Bool(string field) => json.TokenType switch
    {
        JsonToken.Boolean => (bool)json.Value!,
        JsonToken.Null => null,
        _ => throw WrongType(field, "true or false"),
    };

    /// <summary>Any integer, however large, so that a wrong version is reported as such.</summary>
    public string? Integer(string field) => json.TokenType switch
    {
        JsonToken.Integer => Convert.ToString(json.Value, CultureInfo.InvariantCulture),
        JsonToken.Null => null,
        _ => throw WrongType(field, "an integer"),
    };

    /// <param name="field">Null for a date that is itself an array element.</param>
    public DateOnly? Date(string? field)
    {
        if (json.TokenType == JsonToken.Null)
            return null;
        var text = json.TokenType == JsonToken.String ? (string)json.Value! : throw WrongType(field, IsoDates.DateForm);
        return IsoDates.TryParseDate(text, out var date) is { } problem ? throw Invalid(field, $"{Quote(text)} {problem}") : date;
    }

    public DateTime? DateTime(string field)
    {
        if (json.TokenType == JsonToken.Null)
            return null;
        var text = json.TokenType == JsonToken.String ? (string)json.Value! : throw WrongType(field, IsoDates.DateTimeForm);
        return IsoDates.TryParseDateTime(text, out var dateTime) is { } problem ? throw Invalid(field, $"{Quote(text)} {problem}") : dateTime;
    }

    public T? Enum<T>(string field) where T : struct, Enum
    {
        if (json.TokenType == JsonToken.Null)
            return null;
        var text = json.TokenType == JsonToken.String ? (string)json.Value! : throw WrongType(field, $"one of {CamelCaseEnum<T>.ListedValues}");
        return CamelCaseEnum<T>.TryParse(text, out var value)
            ? value
            : throw Invalid(field, $"{Quote(text)} is not one of {CamelCaseEnum<T>.ListedValues}");
    }

    /// <summary>A nested object that is not a record (<c>child</c>, <c>legal</c>, <c>returnInterview</c>); null when absent.</summary>
    public T? Object<T>(string field, Func<CaseTokenReader, T> readProperties) where T : class
    {
        if (json.TokenType == JsonToken.Null)
            return null;
        if (json.TokenType != JsonToken.StartObject)
            throw WrongType(field, "an object");
        var (outerPath, outerLine) = (ObjectPath, ObjectLine);
        (ObjectPath, ObjectLine) = (ChildPath(field), Line);
        var value = readProperties(this);
        (ObjectPath, ObjectLine) = (outerPath, outerLine);
        return value;
    }

    /// <summary>An array of record objects, each given its path and line; ids must be unique within it.</summary>
    public IReadOnlyList<T> Records<T>(string field, Func<CaseTokenReader, T> readProperties) where T : CaseRecord =>
        List(field, reader => reader.json.TokenType == JsonToken.StartObject
            ? readProperties(reader)
            : throw reader.WrongType(null, "an object"));

    /// <summary>An array of dates (<c>lookedAfter.reviews</c>, <c>cinPlans[].reviews</c>, ...).</summary>
    public IReadOnlyList<DatedRecord> DatedRecords(string field) =>
        List(field, static reader => new DatedRecord
        {
            Date = reader.Date(null) ?? throw reader.WrongType(null, IsoDates.DateForm),
            Path = reader.ObjectPath,
            Line = reader.ObjectLine,
        });

    /// <summary>A required field's value, or the rejection for its absence.</summary>
    public T Required<T>(T? value, string field) where T : struct => value ?? throw MissingField(field);

    /// <summary>A required string's value; an empty one records nothing, so it counts as missing.</summary>
    public string Required(string? value, string field) =>
        value is null ? throw MissingField(field)
        : string.IsNullOrWhiteSpace(value) ? throw new CaseContentException(RootedPath(ChildPath(field)), ObjectLine, $"required field \"{field}\" is empty")
        : value;

    public CaseContentException Invalid(string? field, string problem) =>
        new(RootedPath(field is null ? ObjectPath : ChildPath(field)), Line, problem);

    private CaseContentException WrongType(string? field, string expected) =>
        Invalid(field, $"expected {expected}, found {DescribeToken()}");

    private CaseContentException MissingField(string field) =>
        new(RootedPath(ObjectPath), ObjectLine, $"missing required field \"{field}\"");

    private IReadOnlyList<T> List<T>(string field, Func<CaseTokenReader, T> readItem) where T : CaseRecord
    {
        if (json.TokenType == JsonToken.Null)
            return [];
        if (json.TokenType != JsonToken.StartArray)
            throw WrongType(field, "an array");
        var (outerPath, outerLine) = (ObjectPath, ObjectLine);
        var arrayPath = ChildPath(field);
        List<T>? items = null;
        for (Advance(); json.TokenType != JsonToken.EndArray; Advance())
        {
            items ??= [];
            (ObjectPath, ObjectLine) = ($"{arrayPath}[{items.Count}]", Line);
            items.Add(readItem(this));
        }
        (ObjectPath, ObjectLine) = (outerPath, outerLine);
        if (items is null)
            return [];
        CheckUniqueIds(items);
        return items;
    }

    private void CheckUniqueIds<T>(List<T> items) where T : CaseRecord
    {
        if (items.Count < 2 || items[0] is not IIdentifiedRecord)
            return;
        idsInArray.Clear();
        foreach (var item in items)
        {
            var id = ((IIdentifiedRecord)item).Id;
            if (idsInArray.Add(id))
                continue;
            var first = items.First(other => ((IIdentifiedRecord)other).Id == id);
            throw new CaseContentException(RootedPath(item.Path + ".id"), item.Line, $"duplicate id {Quote(id)}, also at {first.Path}");
        }
    }

    /// <summary>After bad content: moves to the case's closing brace, still picking up a <c>caseId</c> that comes later.</summary>
    private void SkipRestOfCase()
    {
        while (!(json.TokenType == JsonToken.EndObject && json.Depth == currentCaseDepth))
        {
            var atCaseId = json.TokenType == JsonToken.PropertyName && json.Depth == currentCaseDepth + 1 && (string)json.Value! == "caseId";
            Advance();
            if (atCaseId && json.TokenType == JsonToken.String)
                NoteCaseId((string)json.Value!);
        }
    }

    private JsonReaderException SyntaxError(string message) =>
        new(message, json.Path, json.LineNumber, json.LinePosition, null);

    private string ChildPath(string field) => ObjectPath.Length == 0 ? field : $"{ObjectPath}.{field}";

    private static string RootedPath(string path) =>
        path.Length == 0 ? "$" : path[0] == '[' ? "$" + path : "$." + path;

    private static string WithoutLeadingIndex(string path) =>
        path.StartsWith('[') ? path[(path.IndexOf(']') + 1)..].TrimStart('.') : path;

    /// <summary>Json.NET's message without its own "Path '...', line n, position m." tail, which the rejection says already.</summary>
    private static string Reason(JsonReaderException error)
    {
        var message = error.Message;
        var tail = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (tail >= 0 ? message[..tail] : message).TrimEnd('.');
    }

    private string DescribeToken() => json.TokenType switch
    {
        JsonToken.String => Quote((string)json.Value!),
        JsonToken.Integer or JsonToken.Float => Convert.ToString(json.Value, CultureInfo.InvariantCulture)!,
        JsonToken.Boolean => (bool)json.Value! ? "true" : "false",
        JsonToken.Null => "null",
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string Quote(string text) => JsonConvert.ToString(text);

    /// <summary>Lets every reader borrow its character buffer instead of allocating one per NDJSON line.</summary>
    internal sealed class SharedCharPool : IArrayPool<char>
    {
        public static readonly SharedCharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
                ArrayPool<char>.Shared.Return(array);
        }
    }
}
