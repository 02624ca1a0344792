using Newtonsoft.Json;

namespace ComplianceRules.Facts.Reading;

/// <summary>
/// Gives Json.NET one string per distinct property name instead of a new string per occurrence:
/// a file repeats the same few dozen names in every case. Bounded, so a file of ever-new
/// names cannot grow it without end. Not thread-safe: one per file being read.
/// </summary>
internal sealed class PropertyNameCache : JsonNameTable
{
    private const int MaxNames = 1024;

    private readonly DefaultJsonNameTable names = new();
    private int count;

    public override string? Get(char[] key, int start, int length)
    {
        if (names.Get(key, start, length) is { } known)
            return known;
        var name = new string(key, start, length);
        if (count++ < MaxNames)
            names.Add(name);
        return name;
    }
}
