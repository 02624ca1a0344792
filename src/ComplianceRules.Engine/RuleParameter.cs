namespace ComplianceRules.Engine;

/// <summary>
/// A named, documented value a rule depends on. Inside When()/Then() expressions, <see cref="Value"/>
/// is replaced by the value bound at compile time; read anywhere else it is the default.
/// </summary>
public sealed class RuleParameter<T> : IRuleParameter
{
    internal RuleParameter(string name, T defaultValue, string description)
    {
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string Name { get; }

    public T DefaultValue { get; }

    public string Description { get; }

    public Type ValueType => typeof(T);

    public T Value => DefaultValue;

    object? IRuleParameter.DefaultValue => DefaultValue;

    public override string ToString() => $"{Name} = {DefaultValue}";
}
