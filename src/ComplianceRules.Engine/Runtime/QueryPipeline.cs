using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ComplianceRules.Engine.Runtime;

/// <summary>A query result plus what makes it "the same result" on re-evaluation (see <see cref="MatchIdentityComparer"/>).</summary>
internal readonly record struct QueryItem(object Value, object Identity);

internal sealed class QueryPipeline(PatternSource source, QueryStage[] stages)
{
    public List<QueryItem> Run(Session session, object?[] slots)
    {
        var candidates = source.Candidates(session, slots);
        var items = new List<QueryItem>(candidates.Length);
        foreach (var fact in candidates)
        {
            if (source.Accepts(session, fact, slots))
            {
                items.Add(new QueryItem(fact, fact));
            }
        }

        foreach (var stage in stages)
        {
            items = stage.Apply(session, slots, items);
        }

        return items;
    }
}

internal abstract class QueryStage
{
    /// <summary>May filter <paramref name="items"/> in place and return it: the pipeline owns that list.</summary>
    public abstract List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items);
}

internal sealed class WhereStage(Func<object, object?[], bool>[] conditions) : QueryStage
{
    public override List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items)
    {
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (Conditions.AllHold(session, conditions, item.Value, slots))
            {
                items[kept++] = item;
            }
        }

        items.RemoveRange(kept, items.Count - kept);
        return items;
    }
}

/// <summary>Projects each item; a projection keeps its source's identity. Null results are dropped.</summary>
internal sealed class SelectStage(Func<object, object?[], object?> selector) : QueryStage
{
    public override List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items)
    {
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (selector(item.Value, slots) is { } value)
            {
                items[kept++] = item with { Value = value };
            }
        }

        items.RemoveRange(kept, items.Count - kept);
        return items;
    }
}

internal sealed class SelectManyStage(Func<object, object?[], object?> selector) : QueryStage
{
    public override List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items)
    {
        var flattened = new List<QueryItem>(items.Count);
        foreach (var item in items)
        {
            if (selector(item.Value, slots) is not IEnumerable children)
            {
                continue;
            }

            foreach (var child in children)
            {
                if (child is not null)
                {
                    flattened.Add(new QueryItem(child, new CompositeIdentity([item.Identity, child])));
                }
            }
        }

        return flattened;
    }
}

/// <summary>Groups in order of first appearance, like LINQ's GroupBy.</summary>
internal sealed class GroupByStage(Func<object, object?[], object?> keySelector, Func<object?, List<QueryItem>, object> createGroup) : QueryStage
{
    private static readonly object NullKey = new();

    public override List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items)
    {
        var groupsByKey = new Dictionary<object, List<QueryItem>>();
        var keysInOrder = new List<object?>();
        foreach (var item in items)
        {
            var key = keySelector(item.Value, slots);
            if (!groupsByKey.TryGetValue(key ?? NullKey, out var members))
            {
                members = [];
                groupsByKey.Add(key ?? NullKey, members);
                keysInOrder.Add(key);
            }

            members.Add(item);
        }

        var groups = new List<QueryItem>(keysInOrder.Count);
        foreach (var key in keysInOrder)
        {
            var members = groupsByKey[key ?? NullKey];
            var identity = new CompositeIdentity([new ValueIdentity(key), CollectStage.IdentityOf(members)]);
            groups.Add(new QueryItem(createGroup(key, members), identity));
        }

        return groups;
    }
}

/// <summary>Always exactly one result, possibly empty, so a rule can react to "none".</summary>
internal sealed class CollectStage(Func<List<QueryItem>, object> createCollection) : QueryStage
{
    public static CompositeIdentity IdentityOf(List<QueryItem> items)
    {
        var identities = new object?[items.Count];
        for (var i = 0; i < identities.Length; i++)
        {
            identities[i] = items[i].Identity;
        }

        return new CompositeIdentity(identities);
    }

    public override List<QueryItem> Apply(Session session, object?[] slots, List<QueryItem> items) =>
        [new QueryItem(createCollection(items), IdentityOf(items))];
}

/// <summary>Typed result containers, created through delegates made once at compile time.</summary>
internal static class QueryResults
{
    public static object Collect<T>(List<QueryItem> items) => ToArray<T>(items);

    /// <summary>The facts as a <typeparamref name="T"/>[], which (arrays being covariant) is also the object?[] of their identities.</summary>
    /// <remarks>
    /// Every fact came from a pattern whose type is assignable to T, so the facts are copied as
    /// references in one block, not with a cast and an array store check each (in code shared by
    /// every T, both are calls).
    /// </remarks>
    public static object?[] CollectFacts<T>(List<object> facts)
        where T : class
    {
        var values = new T[facts.Count];
        CollectionsMarshal.AsSpan(facts).CopyTo(
            MemoryMarshal.CreateSpan(ref Unsafe.As<T, object>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length));
        return values;
    }

    public static object Group<TKey, TElement>(object? key, List<QueryItem> items) =>
        new Grouping<TKey, TElement>((TKey)key!, ToArray<TElement>(items));

    private static T[] ToArray<T>(List<QueryItem> items)
    {
        var values = new T[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (T)items[i].Value;
        }

        return values;
    }
}

internal sealed class Grouping<TKey, TElement>(TKey key, TElement[] elements) : IGrouping<TKey, TElement>, IReadOnlyList<TElement>
{
    public TKey Key { get; } = key;

    public int Count => elements.Length;

    public TElement this[int index] => elements[index];

    public IEnumerator<TElement> GetEnumerator() => ((IEnumerable<TElement>)elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
