using System.Runtime.CompilerServices;

namespace ComplianceRules.Engine.Runtime;

/// <summary>
/// Compares match identities: facts by reference, value types and strings by value, and
/// composites (a whole match, a collection, a group) element by element.
/// This is what "the same match never fires twice" means.
/// </summary>
internal sealed class MatchIdentityComparer : IEqualityComparer<object>
{
    public static readonly MatchIdentityComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return x switch
        {
            CompositeIdentity composite => y is CompositeIdentity other && composite.PartsEqual(other),
            ValueIdentity value => y is ValueIdentity other && object.Equals(value.Value, other.Value),
            string or ValueType => x.Equals(y),
            _ => false,
        };
    }

    public int GetHashCode(object? obj) => obj switch
    {
        null => 0,
        CompositeIdentity composite => composite.HashCode,
        ValueIdentity value => value.Value?.GetHashCode() ?? 0,
        string or ValueType => obj.GetHashCode(),
        _ => RuntimeHelpers.GetHashCode(obj),
    };
}

/// <summary>
/// An ordered tuple of identities. Its hash is computed when first asked for: most matches are
/// only ever compared with a few others, part by part, and hashing a fresh fact costs more than that.
/// </summary>
internal sealed class CompositeIdentity(object?[] parts)
{
    private readonly object?[] _parts = parts;
    private int? _hashCode;

    public int HashCode => _hashCode ??= IdentityParts.HashOf(_parts);

    public bool PartsEqual(CompositeIdentity other) =>
        !(_hashCode is { } hash && other._hashCode is { } otherHash && hash != otherHash)
        && IdentityParts.Equal(_parts, other._parts);
}

/// <summary>What a match's identity is made of, one part per pattern, compared and hashed part by part.</summary>
internal static class IdentityParts
{
    public static int HashOf(ReadOnlySpan<object?> parts)
    {
        var hash = new HashCode();
        foreach (var part in parts)
        {
            hash.Add(MatchIdentityComparer.Instance.GetHashCode(part));
        }

        return hash.ToHashCode();
    }

    public static bool Equal(ReadOnlySpan<object?> parts, ReadOnlySpan<object?> others)
    {
        if (parts.Length != others.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!MatchIdentityComparer.Instance.Equals(parts[i], others[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An identity compared with Equals, e.g. a group key.</summary>
internal sealed record ValueIdentity(object? Value);
