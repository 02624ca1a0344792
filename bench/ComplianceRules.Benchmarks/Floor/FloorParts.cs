using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Oversight;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>
/// Where the floor's engine time goes: the engine's work for a case timed in growing prefixes
/// (a session, then the case inserted, then its records, then Fire, then the findings queried),
/// beside the hand-written rules, on all cases, those without a CP plan and those with one. The
/// same cases cold (each read once per pass, as the floor reads them) and hot (200 cases without a
/// CP plan, 100 times over, so that they stay in the cache): the difference is memory, not work.
/// Each figure is the fastest of the passes, in CPU time per case: the least disturbed by other
/// processes on a shared machine. A last column fires CSC3001 alone, the one rule of the three that
/// matches a case without a CP plan, and a second table counts the bytes each part allocates per
/// case (exact, so an A/B of an allocation shows without noise).
/// </summary>
public static class FloorParts
{
    public static void Run(IReadOnlyList<CaseAsOf> cases, int passes, TextWriter report)
    {
        var factory = new EngineRules().Factory;
        var supervisionAlone = EngineRules.Compile(typeof(CSC3001CaseSupervisionOverdue));
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
            ("CSC3001 +fire", @case =>
            {
                using var session = supervisionAlone.CreateSession();
                CaseFacts.Insert(session, @case);
                session.Fire();
            }),
        };

        List<CaseAsOf> withoutCp = [.. cases.Where(c => c.Current.CpPlans.Count == 0)];
        List<CaseAsOf> withCp = [.. cases.Where(c => c.Current.CpPlans.Count > 0)];
        List<CaseAsOf> hot = [.. Enumerable.Repeat(withoutCp.Take(200), 100).SelectMany(c => c)];
        var sets = new[] { ("all", cases), ("without a CP plan", withoutCp), ("with a CP plan", withCp), ("without, hot (200 x 100)", hot) };
        report.WriteLine($"floor parts: CPU µs per case, fastest of {passes} passes; each engine column up to the engine's includes the ones before it");
        var header = $"{"cases",-28}" + string.Concat(parts.Select(p => $"{p.Name,17}"));
        report.WriteLine(header);
        foreach (var (label, set) in sets)
        {
            var fastest = parts.Select(part => Enumerable.Range(0, passes).Min(_ => FloorRun.CpuSeconds(set, part.Work)) * 1e6 / set.Count);
            report.WriteLine($"{$"{label} ({set.Count})",-28}" + string.Concat(fastest.Select(us => $"{us,17:F3}")));
        }

        report.WriteLine("bytes allocated per case, after a pass that warms each part up");
        report.WriteLine(header);
        foreach (var (label, set) in sets.Take(3))
        {
            var bytes = parts.Select(part => FloorRun.AllocatedBytes(set, part.Work) / (double)set.Count);
            report.WriteLine($"{$"{label} ({set.Count})",-28}" + string.Concat(bytes.Select(b => $"{b,17:F0}")));
        }
    }
}
