using System.Reflection;
using ComplianceRules.Engine;

namespace ComplianceRules.Rules.Catalog;

/// <summary>One rule of the catalogue as tools see it: its diagnostic metadata and parameters.</summary>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    RuleCategory Category,
    Severity DefaultSeverity,
    string Source,
    string Description,
    IReadOnlyList<IRuleParameter> Parameters,
    bool RequiresDateOfBirth,
    IReadOnlyList<FindingStatus> Statuses,
    IRuleDefinition Definition)
{
    /// <summary>The rule's documentation page, relative to the repository root.</summary>
    public string HelpPath => $"docs/rules/{Id}.md";
}

/// <summary>
/// The rules of this assembly, loaded once: the catalogue rules (those with a
/// <see cref="DiagnosticAttribute"/>) and the derivation rules whose facts they match.
/// </summary>
public sealed class RuleCatalog
{
    private static readonly Lazy<RuleCatalog> Shared = new(() => new RuleCatalog());

    private readonly RuleRepository repository = new();
    private readonly Dictionary<string, RuleDescriptor> byId;

    private RuleCatalog()
        : this(spec => spec.From(typeof(RuleCatalog).Assembly))
    {
    }

    private RuleCatalog(Action<IRuleLoadSpec> rules)
    {
        repository.Load(rules);
        Descriptors = repository.GetRules()
            .Select(Describe)
            .OfType<RuleDescriptor>()
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
        byId = Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public static RuleCatalog Default => Shared.Value;

    /// <summary>The catalogue rules, by ID.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public RuleDescriptor? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// The catalogue rule <paramref name="id"/> and every derivation rule: all that rule's findings
    /// depend on, since no catalogue rule matches another's findings. For evaluating one rule many
    /// times (<c>compliance tune</c>) without the cost of the other rules.
    /// </summary>
    public RuleCatalog Only(string id)
    {
        var rule = Find(id) ?? throw new ArgumentException($"{id} is not in the catalogue.", nameof(id));
        var derivations = repository.GetRules().Where(r => IdOf(r) is null).Select(r => r.RuleType);
        return new RuleCatalog(spec => spec.From([rule.Definition.RuleType, .. derivations]));
    }

    /// <summary>Compiles every rule with parameter values from <paramref name="binder"/> (defaults where it has none).</summary>
    public ISessionFactory Compile(IParameterBinder? binder = null) =>
        binder is null ? repository.Compile() : repository.Compile(binder);

    /// <summary>The diagnostic ID of an engine rule; null for derivation rules.</summary>
    public static string? IdOf(IRuleDefinition rule) => rule.RuleType.GetCustomAttribute<DiagnosticAttribute>()?.Id;

    private static RuleDescriptor? Describe(IRuleDefinition rule)
    {
        var diagnostic = rule.RuleType.GetCustomAttribute<DiagnosticAttribute>();
        return diagnostic is null
            ? null
            : new RuleDescriptor(
                diagnostic.Id,
                diagnostic.Title,
                diagnostic.Category,
                diagnostic.DefaultSeverity,
                diagnostic.Source,
                rule.Description ?? "",
                rule.Parameters,
                rule.RuleType.IsDefined(typeof(RequiresDateOfBirthAttribute)),
                rule.RuleType.GetCustomAttribute<ReportsAttribute>()?.Statuses
                    ?? throw new InvalidOperationException($"{rule.RuleType.Name} has no [Reports] attribute: declare the statuses it can report."),
                rule);
    }
}
