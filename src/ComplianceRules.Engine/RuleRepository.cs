using System.Reflection;
using ComplianceRules.Engine.Compilation;
using ComplianceRules.Engine.Definition;

namespace ComplianceRules.Engine;

/// <summary>
/// Loads rule classes (calling each Define() once) and compiles them into session factories.
/// The loaded definitions can be compiled any number of times with different parameter values.
/// </summary>
public sealed class RuleRepository
{
    private readonly List<RuleDefinition> _rules = [];

    public void Load(Action<IRuleLoadSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var loadSpec = new RuleLoadSpec();
        spec(loadSpec);

        foreach (var type in loadSpec.Types)
        {
            if (_rules.Exists(r => r.RuleType == type))
            {
                continue;
            }

            var definition = RuleDefinitionLoader.Load(type);
            if (loadSpec.Accepts(definition))
            {
                _rules.Add(definition);
            }
        }

        _rules.Sort(static (x, y) => string.CompareOrdinal(x.RuleType.FullName, y.RuleType.FullName));
    }

    /// <summary>The loaded rules, ordered by rule type full name.</summary>
    public IReadOnlyList<IRuleDefinition> GetRules() => [.. _rules];

    public ISessionFactory Compile() => Compile(DefaultValuesBinder.Instance);

    public ISessionFactory Compile(IParameterBinder binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return RuleSetCompiler.Compile(_rules, binder);
    }

    private sealed class DefaultValuesBinder : IParameterBinder
    {
        public static readonly DefaultValuesBinder Instance = new();

        public bool TryGetValue(IRuleDefinition rule, IRuleParameter parameter, out object? value)
        {
            value = null;
            return false;
        }
    }

    private sealed class RuleLoadSpec : IRuleLoadSpec
    {
        private readonly List<Func<IRuleDefinition, bool>> _filters = [];

        public List<Type> Types { get; } = [];

        public IRuleLoadSpec From(params Assembly[] assemblies)
        {
            foreach (var assembly in assemblies)
            {
                Types.AddRange(assembly.GetTypes().Where(RuleMetadata.IsLoadableRule));
            }

            return this;
        }

        public IRuleLoadSpec From(params Type[] types)
        {
            foreach (var type in types)
            {
                if (!RuleMetadata.IsLoadableRule(type))
                {
                    throw new ArgumentException($"{type.FullName} is not a concrete Rule with a public parameterless constructor.", nameof(types));
                }

                Types.Add(type);
            }

            return this;
        }

        public IRuleLoadSpec Where(Func<IRuleDefinition, bool> filter)
        {
            _filters.Add(filter);
            return this;
        }

        public bool Accepts(IRuleDefinition rule) => _filters.TrueForAll(filter => filter(rule));
    }
}
