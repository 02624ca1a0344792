namespace ComplianceRules.Engine;

/// <summary>Overrides the rule's name (defaults to the rule type's full name).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NameAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DescriptionAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class TagAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>Activations of rules with higher priority fire first; the default is 0.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PriorityAttribute(int value) : Attribute
{
    public int Value { get; } = value;
}
