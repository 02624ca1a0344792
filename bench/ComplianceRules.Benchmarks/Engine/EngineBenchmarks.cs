using BenchmarkDotNet.Attributes;
using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Benchmarks.Engine;

/// <summary>Loading the catalogue (every rule's Define()) and compiling it into a session factory: the start-up cost of a run.</summary>
[MemoryDiagnoser]
public class CompilationBenchmarks
{
    private RuleRepository loaded = null!;

    [GlobalSetup]
    public void Load() => loaded = LoadCatalogue();

    [Benchmark]
    public RuleRepository LoadCatalogue()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RuleCatalog).Assembly));
        return repository;
    }

    [Benchmark]
    public ISessionFactory CompileCatalogue() => loaded.Compile();
}

/// <summary>What one case costs per session: creating it, and evaluating the whole catalogue on a small, medium and large history.</summary>
[MemoryDiagnoser]
public class CaseSizeBenchmarks
{
    private ISessionFactory factory = null!;
    private CaseAsOf @case = null!;

    public enum CaseSize { Small, Medium, Large }

    [Params(CaseSize.Small, CaseSize.Medium, CaseSize.Large)]
    public CaseSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        factory = RuleCatalog.Default.Compile();
        // Sizes by records in the file among 2,000 generated cases: the 10th percentile, the median, the largest.
        var bySize = BenchCases.Generate(2000).OrderBy(c => RecordCount(c.Recorded)).ToList();
        @case = Size switch
        {
            CaseSize.Small => bySize[bySize.Count / 10],
            CaseSize.Medium => bySize[bySize.Count / 2],
            _ => bySize[^1],
        };
    }

    [Benchmark]
    public void CreateSession() => factory.CreateSession().Dispose();

    [Benchmark]
    public int EvaluateCatalogue()
    {
        using var session = factory.CreateSession();
        CaseFacts.Insert(session, @case);
        return session.Fire();
    }

    /// <summary>Every record of the case file: what a session holds.</summary>
    public static int RecordCount(CaseFile file) =>
        file.Allocations.Count + file.Referrals.Count + file.Assessments.Count + file.S47Enquiries.Count + file.Conferences.Count
        + file.CpPlans.Count + file.CinPlans.Count + file.CoreGroups.Count + file.PlanActions.Count + file.Visits.Count
        + file.Supervisions.Count + file.ManagementOversight.Count + file.Legal.PlanningMeetings.Count + file.Legal.PreProceedings.Count
        + file.Legal.Proceedings.Count + file.LookedAfter.Periods.Count + file.LookedAfter.Placements.Count + file.LookedAfter.Reviews.Count
        + file.LookedAfter.HealthAssessments.Count + file.LookedAfter.Peps.Count + file.MissingEpisodes.Count + file.CareLeaver.PathwayPlans.Count;
}

/// <summary>
/// Each catalogue rule alone (with the derivation rules, which every rule set carries) on the same
/// 200 generated cases; <c>derivations</c> is that baseline without any catalogue rule.
/// </summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private const string DerivationsOnly = "derivations";
    private ISessionFactory factory = null!;
    private List<CaseAsOf> cases = null!;

    public static IEnumerable<string> RuleIds => [DerivationsOnly, .. RuleCatalog.Default.Descriptors.Select(d => d.Id)];

    [ParamsSource(nameof(RuleIds))]
    public string Rule { get; set; } = DerivationsOnly;

    [GlobalSetup]
    public void Setup()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RuleCatalog).Assembly).Where(r => RuleCatalog.IdOf(r) is not { } id || id == Rule));
        factory = repository.Compile();
        cases = BenchCases.Generate(200);
    }

    [Benchmark]
    public int Evaluate200Cases()
    {
        var fired = 0;
        foreach (var @case in cases)
        {
            using var session = factory.CreateSession();
            CaseFacts.Insert(session, @case);
            fired += session.Fire();
        }

        return fired;
    }
}
