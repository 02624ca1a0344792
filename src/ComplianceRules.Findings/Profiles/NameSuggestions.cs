using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Profiles;

/// <summary>
/// "Did you mean" for names people type, in a profile or on the command line, and the one
/// wording of an unknown rule or parameter, so both say it the same way.
/// </summary>
public static class NameSuggestions
{
    public static string UnknownRule(string id, RuleCatalog catalog) =>
        $"unknown rule ID `{id}`{Suggest(id, catalog.Descriptors.Select(d => d.Id))}";

    public static string UnknownParameter(string name, RuleDescriptor rule) =>
        $"unknown parameter `{name}` for {rule.Id}{Suggest(name, rule.Parameters.Select(p => p.Name))}";

    /// <summary>
    /// "; did you mean `x`?" for the nearest candidate within a third of the longer name's length
    /// in edits, or one that the name begins (`warn` → `warning`); "" when none is near.
    /// </summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: EditDistance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, Math.Max(name.Length, c.Candidate.Length) / 3)
                || (name.Length >= 3 && c.Candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Candidate is not null ? $"; did you mean `{best.Candidate}`?" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
