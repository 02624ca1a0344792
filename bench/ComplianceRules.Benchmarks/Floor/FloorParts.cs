using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>
/// Where the floor's engine time goes: the engine's work for a case timed in growing prefixes
/// (a session, then the case inserted, then its records, then Fire, then the findings queried),
/// beside the hand-written rules, on all cases, those without a CP plan and those with one. The
/// same cases cold (each read once per pass, as the floor reads them) and hot (200 cases without a
/// CP plan, 100 times over, so that they stay in the cache): the difference is memory, not work.
/// Each figure is the fastest of the passes, in CPU time per case: the least disturbed by other
/// processes on a shared machine.
/// </summary>
public static class FloorParts
{
    public static void Run(IReadOnlyList<CaseAsOf> cases, int passes, TextWriter report)
    {
        var factory = new EngineRules().Factory;
        var parts = new (string Name, Action<CaseAsOf> Work)[]
        {
            ("hand-written", @case => HandWrittenRules.Evaluate(@case)),
            ("session", _ =>
            {
                using var session = factory.CreateSession();
            }),
            ("+case", @case =>
            {
                using var session = factory.CreateSession();
                session.Insert(@case);
            }),
            ("+records", @case =>
            {
                using var session = factory.CreateSession();
                CaseFacts.Insert(session, @case);
            }),
            ("+fire", @case =>
            {
                using var session = factory.CreateSession();
                CaseFacts.Insert(session, @case);
                session.Fire();
            }),
            ("+query (engine)", @case =>
            {
                using var session = factory.CreateSession();
                CaseFacts.Insert(session, @case);
                session.Fire();
                _ = session.Query<RuleFinding>();
            }),
        };

        List<CaseAsOf> withoutCp = [.. cases.Where(c => c.Current.CpPlans.Count == 0)];
        List<CaseAsOf> withCp = [.. cases.Where(c => c.Current.CpPlans.Count > 0)];
        List<CaseAsOf> hot = [.. Enumerable.Repeat(withoutCp.Take(200), 100).SelectMany(c => c)];
        report.WriteLine($"floor parts: CPU µs per case, fastest of {passes} passes; each engine column includes the ones before it");
        report.WriteLine($"{"cases",-28}" + string.Concat(parts.Select(p => $"{p.Name,17}")));
        foreach (var (label, set) in new[] { ("all", cases), ("without a CP plan", withoutCp), ("with a CP plan", withCp), ("without, hot (200 x 100)", hot) })
        {
            var fastest = parts.Select(part => Enumerable.Range(0, passes).Min(_ => FloorRun.CpuSeconds(set, part.Work)) * 1e6 / set.Count);
            report.WriteLine($"{$"{label} ({set.Count})",-28}" + string.Concat(fastest.Select(us => $"{us,17:F3}")));
        }
    }
}
