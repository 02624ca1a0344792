using System.Globalization;

namespace ComplianceRules.Engine.Compilation;

/// <summary>Resolves each of a rule's parameters to the binder's value (converted to the declared type) or its default.</summary>
internal static class ParameterValues
{
    public static Dictionary<IRuleParameter, object?> Bind(IRuleDefinition rule, IParameterBinder binder)
    {
        var values = new Dictionary<IRuleParameter, object?>(ReferenceEqualityComparer.Instance);
        foreach (var parameter in rule.Parameters)
        {
            values.Add(parameter, binder.TryGetValue(rule, parameter, out var value)
                ? ConvertTo(rule, parameter, value)
                : parameter.DefaultValue);
        }

        return values;
    }

    private static object? ConvertTo(IRuleDefinition rule, IRuleParameter parameter, object? value)
    {
        var target = parameter.ValueType;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        switch (value)
        {
            case null when !target.IsValueType || underlying != target:
                return null;
            case not null when underlying.IsInstanceOfType(value):
                return value;
            case string name when underlying.IsEnum && Enum.TryParse(underlying, name, ignoreCase: false, out var member):
                return member;
            case not null when underlying.IsEnum && IsNumeric(value.GetType()):
                return Enum.ToObject(underlying, value);
            case not null when IsNumeric(underlying) && IsNumeric(value.GetType()) && TryConvertNumber(value, underlying, out var number):
                return number;
            default:
                throw new ArgumentException(
                    $"Rule '{rule.Name}': parameter '{parameter.Name}' is {target.Name} but was bound to "
                    + (value is null ? "null" : $"{value.GetType().Name} '{value}'"),
                    nameof(value));
        }
    }

    /// <summary>Widening always works; narrowing to an integer only when nothing is lost (5L → 5, but not 2.5 → 2).</summary>
    private static bool TryConvertNumber(object value, Type target, out object? converted)
    {
        try
        {
            converted = Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            return !IsInteger(target) || Convert.ChangeType(converted, value.GetType(), CultureInfo.InvariantCulture).Equals(value);
        }
        catch (OverflowException)
        {
            converted = null;
            return false;
        }
    }

    private static bool IsNumeric(Type type) =>
        !type.IsEnum && Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal;

    private static bool IsInteger(Type type) =>
        Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.UInt64;
}
