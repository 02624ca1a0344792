using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.ChildProtection;
using ComplianceRules.Rules.Derived;
using ComplianceRules.Rules.Legal;
using ComplianceRules.Rules.Oversight;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>The engine side of the floor: the catalogue's CSC1001, CSC2001 and CSC3001, and the two derivations they match, with default parameters.</summary>
public sealed class EngineRules
{
    private readonly ISessionFactory factory;

    public EngineRules()
    {
        factory = Compile(
            typeof(CSC1001ChildProtectionVisitOverdue),
            typeof(CSC2001PloNotConsidered),
            typeof(CSC3001CaseSupervisionOverdue),
            typeof(OpenCpPlanDerivation),
            typeof(RepeatCpPlanDerivation));
    }

    /// <summary>A session factory for the given rule types alone.</summary>
    public static ISessionFactory Compile(params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(ruleTypes));
        return repository.Compile();
    }

    /// <summary>The compiled rule set, for timing the engine's work piece by piece (<see cref="FloorParts"/>).</summary>
    public ISessionFactory Factory => factory;

    public List<RuleFinding> Evaluate(CaseAsOf @case)
    {
        using var session = factory.CreateSession();
        CaseFacts.Insert(session, @case);
        session.Fire();
        return [.. session.Query<RuleFinding>()];
    }
}
