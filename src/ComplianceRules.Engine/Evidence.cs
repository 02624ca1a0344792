using ComplianceRules.Engine.Runtime;

namespace ComplianceRules.Engine;

/// <summary>One fact or query result bound by a pattern; <see cref="Alias"/> is empty for anonymous patterns.</summary>
public readonly record struct MatchedFact(string Alias, object Value);

/// <summary>Evidence of one rule firing: which rule, and what it matched.</summary>
public sealed class RuleFiring : IMatch
{
    private readonly EvidenceSlot[]? _evidence;
    private readonly object?[]? _slots;
    private IReadOnlyList<MatchedFact>? _facts;

    public RuleFiring(IRuleDefinition rule, IReadOnlyList<MatchedFact> facts)
    {
        Rule = rule;
        _facts = facts;
    }

    /// <summary>A firing whose facts are read from the match's slots when first asked for: most actions never ask.</summary>
    internal RuleFiring(IRuleDefinition rule, EvidenceSlot[] evidence, object?[] slots)
    {
        Rule = rule;
        (_evidence, _slots) = (evidence, slots);
    }

    public IRuleDefinition Rule { get; }

    public IReadOnlyList<MatchedFact> Facts => _facts ??= FactsFromSlots();

    // A loop, not Array.ConvertAll: its lambda would read this firing's slots, a closure per call.
    private MatchedFact[] FactsFromSlots()
    {
        var facts = new MatchedFact[_evidence!.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = new MatchedFact(_evidence[i].Alias, _slots![_evidence[i].Slot]!);
        }

        return facts;
    }

    public override string ToString() => $"{Rule.Name} ({Facts.Count} facts)";
}
