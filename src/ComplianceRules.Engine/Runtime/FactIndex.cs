namespace ComplianceRules.Engine.Runtime;

/// <summary>How to key facts of one pattern type for equality joins; shared by every pattern joining on the same member chain.</summary>
internal sealed class JoinIndex(int id, int patternTypeId, Func<object, object?> keyOf, IEqualityComparer<object> comparer, IRuleDefinition owner)
{
    public int Id { get; } = id;

    public int PatternTypeId { get; } = patternTypeId;

    public Func<object, object?> KeyOf { get; } = keyOf;

    public IEqualityComparer<object> Comparer { get; } = comparer;

    /// <summary>Rule blamed when computing a key throws outside of rule evaluation.</summary>
    public IRuleDefinition Owner { get; } = owner;
}

/// <summary>
/// A session's hash index of facts by join key; buckets keep insertion order. A session empties and
/// refills its indexes case after case, keeping their buckets rather than making new ones each case.
/// </summary>
internal sealed class FactIndex(IEqualityComparer<object> comparer)
{
    // Beyond this many keys an emptied index starts again small: one big case should not make every later one clear a big table.
    private const int KeysKeptWhenEmptied = 256;

    private Dictionary<object, List<object>> _buckets = new(comparer);
    private readonly List<object> _nullKeyBucket = [];
    private readonly Stack<List<object>> _emptiedBuckets = new();

    public void Add(object fact, object? key)
    {
        if (key is null)
        {
            _nullKeyBucket.Add(fact);
        }
        else if (_buckets.TryGetValue(key, out var bucket))
        {
            bucket.Add(fact);
        }
        else
        {
            var fresh = _emptiedBuckets.TryPop(out var emptied) ? emptied : [];
            fresh.Add(fact);
            _buckets.Add(key, fresh);
        }
    }

    public void Clear()
    {
        _nullKeyBucket.Clear();
        if (_buckets.Count > KeysKeptWhenEmptied)
        {
            _buckets = new Dictionary<object, List<object>>(comparer);
            _emptiedBuckets.Clear();
            return;
        }

        foreach (var bucket in _buckets.Values)
        {
            bucket.Clear();
            _emptiedBuckets.Push(bucket);
        }

        _buckets.Clear();
    }

    public void Remove(object fact, object? key)
    {
        var bucket = key is null ? _nullKeyBucket : _buckets.GetValueOrDefault(key);
        if (bucket is not null && ObjectLists.RemoveByReference(bucket, fact))
        {
            return;
        }

        // The fact was changed while in working memory, so its key moved; search every bucket.
        foreach (var other in _buckets.Values)
        {
            if (ObjectLists.RemoveByReference(other, fact))
            {
                return;
            }
        }

        ObjectLists.RemoveByReference(_nullKeyBucket, fact);
    }

    public List<object> Lookup(object? key) =>
        key is null ? _nullKeyBucket : _buckets.GetValueOrDefault(key) ?? ObjectLists.Empty;
}

internal static class ObjectLists
{
    /// <summary>Shared, never modified.</summary>
    public static readonly List<object> Empty = [];

    /// <summary>Facts may override Equals (records), but working memory is about instances.</summary>
    public static bool RemoveByReference(List<object> facts, object fact)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            if (ReferenceEquals(facts[i], fact))
            {
                facts.RemoveAt(i);
                return true;
            }
        }

        return false;
    }
}
