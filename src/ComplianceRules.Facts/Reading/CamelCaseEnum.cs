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

    /// <summary>The spelling of <paramref name="value"/>, for writers of case files.</summary>
    public static string NameOf(T value) => ToCamelCase(value.ToString());

    private static string ToCamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
