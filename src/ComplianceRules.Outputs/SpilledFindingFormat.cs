using System.Collections;
using System.Text;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Outputs;

/// <summary>
/// The binary form of a spilled run: every field of each <see cref="SequencedFinding"/>, so that
/// what is read back writes the same findings.json (with or without <c>location</c>), SARIF and
/// HTML as the finding it came from. Cheaper than JSON both ways: the merge decodes fields, not text.
/// </summary>
/// <remarks>
/// A string is a code: 0 null, 1 a string that follows, 2 a string that follows and takes the next
/// number, n + 3 the string numbered n. Only the strings that repeat across a run's findings (rule
/// ids, teams, workers, files, argument names and text values, evidence paths) are numbered, and
/// only so many of them, so the numbered strings of every run being merged stay small whatever the
/// input size.
/// </remarks>
internal static class SpilledFindingFormat
{
    public const int MaxNumberedStrings = 4096;
    public static readonly UTF8Encoding Utf8 = new(false);

    public const int NullString = 0;
    public const int InlineString = 1;
    public const int NewNumberedString = 2;
    public const int FirstNumber = 3;

    /// <summary>How an argument value is spelled; a value of any other type is kept as the JSON findings.json writes for it.</summary>
    public enum ValueTag : byte
    {
        Null,
        Text,
        True,
        False,
        Int32,
        Int64,
        Double,
        Date,
        DateTime,
        List,
        Json,
    }
}

/// <summary>Writes one run's findings in <see cref="SpilledFindingFormat"/>, into a stream it leaves open (a run is a stretch of its file).</summary>
internal sealed class SpilledFindingWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter writer = new(stream, SpilledFindingFormat.Utf8, leaveOpen: true);
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);

    /// <summary>The number of findings that follow: the reader stops after them.</summary>
    public void WriteCount(int count) => writer.Write7BitEncodedInt(count);

    public void Write(SequencedFinding sequenced)
    {
        writer.Write7BitEncodedInt64(sequenced.Sequence);
        writer.Write7BitEncodedInt(sequenced.Index);
        var finding = sequenced.Finding;
        var result = finding.Result;
        writer.Write((byte)finding.Severity);
        writer.Write((byte)finding.Category);
        writer.Write((byte)result.Status);
        WriteShared(result.RuleId);
        WriteText(result.CaseId);
        WriteText(result.SubjectId);
        WriteDate(result.DueDate);
        WriteDate(result.MetOn);
        WriteText(result.Message);
        writer.Write7BitEncodedInt(result.Arguments.Count);
        foreach (var (name, value) in result.Arguments)
        {
            WriteShared(name);
            WriteValue(value);
        }

        writer.Write7BitEncodedInt(result.Evidence.Count);
        foreach (var path in result.Evidence)
        {
            WriteShared(path);
        }

        WriteShared(result.Team);
        WriteShared(result.WorkerId);
        WriteShared(result.File);
        writer.Write7BitEncodedInt(result.Line);
        writer.Write(result.Source is not null);
        if (result.Source is { } source)
        {
            WriteShared(source.File);
            writer.Write7BitEncodedInt(source.Line);
            WriteText(source.JsonPath);
        }

        writer.Write(finding.Suppression is not null);
        if (finding.Suppression is { } suppression)
        {
            var entry = suppression.Entry;
            WriteShared(entry.RuleId);
            WriteText(entry.CaseId);
            WriteText(entry.SubjectId);
            WriteText(entry.Justification);
            WriteText(entry.ApprovedBy);
            WriteDate(entry.Expires);
            writer.Write(suppression.Expired);
        }
    }

    /// <summary>A pre-rendered findings.json entry (UTF-8) with what it is merged by (a file of these is read only by <see cref="SpilledFindingReader.ReadEntry"/>).</summary>
    public void Write(FindingPlace place, ReadOnlySpan<byte> json)
    {
        writer.Write7BitEncodedInt64(place.Sequence);
        writer.Write7BitEncodedInt(place.Index);
        WriteText(place.Key.CaseId);
        WriteShared(place.Key.RuleId);
        WriteDate(place.Key.DueDate);
        WriteText(place.Key.SubjectId);
        writer.Write7BitEncodedInt(json.Length);
        writer.Write(json);
    }

    public void Dispose() => writer.Dispose();

    private void WriteText(string? text)
    {
        if (text is null)
        {
            writer.Write7BitEncodedInt(SpilledFindingFormat.NullString);
            return;
        }

        writer.Write7BitEncodedInt(SpilledFindingFormat.InlineString);
        writer.Write(text);
    }

    private void WriteShared(string? text)
    {
        if (text is not null && numbers.TryGetValue(text, out var number))
        {
            writer.Write7BitEncodedInt(SpilledFindingFormat.FirstNumber + number);
        }
        else if (text is not null && numbers.Count < SpilledFindingFormat.MaxNumberedStrings)
        {
            numbers.Add(text, numbers.Count);
            writer.Write7BitEncodedInt(SpilledFindingFormat.NewNumberedString);
            writer.Write(text);
        }
        else
        {
            WriteText(text);
        }
    }

    private void WriteDate(DateOnly? date)
    {
        writer.Write(date.HasValue);
        if (date is { } day)
        {
            writer.Write7BitEncodedInt(day.DayNumber);
        }
    }

    /// <summary>The cases of <see cref="Json.Value"/>, in its order, so each value reads back as one it writes the same way.</summary>
    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                Tag(SpilledFindingFormat.ValueTag.Null);
                break;
            case DateOnly date:
                Tag(SpilledFindingFormat.ValueTag.Date);
                writer.Write7BitEncodedInt(date.DayNumber);
                break;
            case DateTime time:
                Tag(SpilledFindingFormat.ValueTag.DateTime);
                writer.Write(time.ToBinary());
                break;
            case Enum enumValue:
                // Written by its name, which is all findings.json keeps of it.
                Tag(SpilledFindingFormat.ValueTag.Text);
                WriteShared(Json.Name(enumValue));
                break;
            case string text:
                Tag(SpilledFindingFormat.ValueTag.Text);
                WriteShared(text);
                break;
            case bool flag:
                Tag(flag ? SpilledFindingFormat.ValueTag.True : SpilledFindingFormat.ValueTag.False);
                break;
            case int number:
                Tag(SpilledFindingFormat.ValueTag.Int32);
                writer.Write(number);
                break;
            case long number:
                Tag(SpilledFindingFormat.ValueTag.Int64);
                writer.Write(number);
                break;
            case double number:
                Tag(SpilledFindingFormat.ValueTag.Double);
                writer.Write(number);
                break;
            case IEnumerable items and not JToken:
                var list = items.Cast<object?>().ToList();
                Tag(SpilledFindingFormat.ValueTag.List);
                writer.Write7BitEncodedInt(list.Count);
                foreach (var item in list)
                {
                    WriteValue(item);
                }

                break;
            default:
                // JSON read back from a findings.json, or a type no rule uses: kept as the JSON it writes.
                Tag(SpilledFindingFormat.ValueTag.Json);
                using (var text = new StringWriter())
                {
                    using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
                    {
                        Json.Value(json, value);
                    }

                    writer.Write(text.ToString());
                }

                break;
        }
    }

    private void Tag(SpilledFindingFormat.ValueTag tag) => writer.Write((byte)tag);
}

/// <summary>Reads back, front to back, the findings a <see cref="SpilledFindingWriter"/> wrote.</summary>
internal sealed class SpilledFindingReader(Stream stream) : IDisposable
{
    private readonly BinaryReader reader = new(stream, SpilledFindingFormat.Utf8);
    private readonly List<string> numbered = [];

    public int ReadCount() => reader.Read7BitEncodedInt();

    public SequencedFinding Read()
    {
        var sequence = reader.Read7BitEncodedInt64();
        var index = reader.Read7BitEncodedInt();
        var severity = (Severity)reader.ReadByte();
        var category = (RuleCategory)reader.ReadByte();
        var status = (FindingStatus)reader.ReadByte();
        var result = new RuleFinding
        {
            Status = status,
            RuleId = ReadText()!,
            CaseId = ReadText(),
            SubjectId = ReadText(),
            DueDate = ReadDate(),
            MetOn = ReadDate(),
            Message = ReadText()!,
            Arguments = ReadArguments(),
            Evidence = ReadEvidence(),
            Team = ReadText(),
            WorkerId = ReadText(),
            File = ReadText(),
            Line = reader.Read7BitEncodedInt(),
            Source = reader.ReadBoolean() ? new FindingSource(ReadText()!, reader.Read7BitEncodedInt(), ReadText()!) : null,
        };
        var suppression = reader.ReadBoolean()
            ? new AppliedSuppression(
                new Suppression
                {
                    RuleId = ReadText()!,
                    CaseId = ReadText()!,
                    SubjectId = ReadText(),
                    Justification = ReadText()!,
                    ApprovedBy = ReadText(),
                    Expires = ReadDate(),
                },
                Expired: reader.ReadBoolean())
            : null;
        return new SequencedFinding(new Finding(result, severity, category, suppression), sequence, index);
    }

    public RenderedEntry ReadEntry()
    {
        var sequence = reader.Read7BitEncodedInt64();
        var index = reader.Read7BitEncodedInt();
        var key = new FindingKey(CaseId: ReadText(), RuleId: ReadText()!, DueDate: ReadDate(), SubjectId: ReadText());
        return new RenderedEntry(new FindingPlace(key, sequence, index), reader.ReadBytes(reader.Read7BitEncodedInt()));
    }

    public void Dispose() => reader.Dispose();

    private Dictionary<string, object?> ReadArguments()
    {
        var count = reader.Read7BitEncodedInt();
        var arguments = new Dictionary<string, object?>(count);
        for (var i = 0; i < count; i++)
        {
            arguments.Add(ReadText()!, ReadValue());
        }

        return arguments;
    }

    private string[] ReadEvidence()
    {
        var evidence = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = ReadText()!;
        }

        return evidence;
    }

    private string? ReadText()
    {
        var code = reader.Read7BitEncodedInt();
        switch (code)
        {
            case SpilledFindingFormat.NullString:
                return null;
            case SpilledFindingFormat.InlineString:
                return reader.ReadString();
            case SpilledFindingFormat.NewNumberedString:
                var text = reader.ReadString();
                numbered.Add(text);
                return text;
            default:
                return numbered[code - SpilledFindingFormat.FirstNumber];
        }
    }

    private DateOnly? ReadDate() => reader.ReadBoolean() ? DateOnly.FromDayNumber(reader.Read7BitEncodedInt()) : null;

    private object? ReadValue()
    {
        var tag = (SpilledFindingFormat.ValueTag)reader.ReadByte();
        switch (tag)
        {
            case SpilledFindingFormat.ValueTag.Null:
                return null;
            case SpilledFindingFormat.ValueTag.Text:
                return ReadText();
            case SpilledFindingFormat.ValueTag.True:
                return true;
            case SpilledFindingFormat.ValueTag.False:
                return false;
            case SpilledFindingFormat.ValueTag.Int32:
                return reader.ReadInt32();
            case SpilledFindingFormat.ValueTag.Int64:
                return reader.ReadInt64();
            case SpilledFindingFormat.ValueTag.Double:
                return reader.ReadDouble();
            case SpilledFindingFormat.ValueTag.Date:
                return DateOnly.FromDayNumber(reader.Read7BitEncodedInt());
            case SpilledFindingFormat.ValueTag.DateTime:
                return DateTime.FromBinary(reader.ReadInt64());
            case SpilledFindingFormat.ValueTag.List:
                var items = new object?[reader.Read7BitEncodedInt()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadValue();
                }

                return items;
            case SpilledFindingFormat.ValueTag.Json:
                using (var json = new JsonTextReader(new StringReader(reader.ReadString())) { DateParseHandling = DateParseHandling.None })
                {
                    return JToken.ReadFrom(json);
                }

            default:
                throw new InvalidDataException($"A spilled run holds an unknown argument tag {tag}.");
        }
    }
}

/// <summary>One finding's findings.json entry as <see cref="FindingsJson.EntryRenderer"/> wrote it (UTF-8), with where it goes.</summary>
internal readonly record struct RenderedEntry(FindingPlace Place, byte[] Json)
{
    public static readonly IComparer<RenderedEntry> Order = Comparer<RenderedEntry>.Create((x, y) => x.Place.CompareTo(y.Place));
}
