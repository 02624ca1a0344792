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
    private int _hashCode;
    private bool _hashed;

    public int HashCode
    {
        get
        {
            if (!_hashed)
            {
                var hash = new HashCode();
                foreach (var part in _parts)
                {
                    hash.Add(MatchIdentityComparer.Instance.GetHashCode(part));
                }

                _hashCode = hash.ToHashCode();
                _hashed = true;
            }

            return _hashCode;
        }
    }

    public bool PartsEqual(CompositeIdentity other)
    {
        if (_parts.Length != other._parts.Length || (_hashed && other._hashed && _hashCode != other._hashCode))
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!MatchIdentityComparer.Instance.Equals(_parts[i], other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An identity compared with Equals, e.g. a group key.</summary>
internal sealed record ValueIdentity(object? Value);
