using System.Collections.Concurrent;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using Newtonsoft.Json.Linq;

namespace ComplianceRules.Harness;

/// <summary>
/// Rule sets compiled once per distinct profile (keyed by its JSON text and the holidays file it
/// resolves to, since a relative path means another file beside another fixture), for tools that
/// evaluate many small inputs under a few profiles: fixtures, unit tests built in code. Thread-safe.
/// </summary>
public sealed class CompiledProfiles
{
    private readonly ConcurrentDictionary<string, CompiledProfile> byText = new(StringComparer.Ordinal);

    /// <summary>An evaluator as of <paramref name="asOf"/> under <paramref name="profile"/>, written as <paramref name="json"/> (null: the shipped defaults).</summary>
    public Evaluator EvaluatorFor(JObject? json, Profile profile, DateOnly asOf)
    {
        var key = $"{json?.ToString(Newtonsoft.Json.Formatting.None)}\n{profile.HolidaysPath}";
        var compiled = byText.GetOrAdd(key, _ => new CompiledProfile(profile));
        return new Evaluator(compiled, asOf, compiled.Profile.LoadCalendar());
    }
}
