namespace ComplianceRules.Facts.Reading;

/// <summary>
/// An enum's values under their case-file.md spellings (the member name in camelCase:
/// <c>SocialWorker</c> is <c>socialWorker</c>), looked up once per enum type rather than per field.
/// </summary>
public static class CamelCaseEnum<T> where T : struct, Enum
{
    private static readonly (string Name, T Value)[] Members =
        [.. Enum.GetValues<T>().Select(value => (ToCamelCase(value.ToString()), value))];

    private static readonly Dictionary<string, T> ByName =
        Members.ToDictionary(member => member.Name, member => member.Value, StringComparer.Ordinal);

    /// <summary>The spellings, for messages: <c>initial, review</c>.</summary>
    public static string ListedValues { get; } = string.Join(", ", Members.Select(member => member.Name));

    public static bool TryParse(string name, out T value) => ByName.TryGetValue(name, out value);

    /// <summary>The case-file spelling of <paramref name="value"/>.</summary>
    public static string Name(T value) => ToCamelCase(value.ToString());

    private static string ToCamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
