namespace ComplianceRules.Findings.Reporting;

/// <summary>A k-way merge of sorted sequences, read front to back and never held whole.</summary>
public static class SortedMerge
{
    /// <summary>
    /// The items of <paramref name="sources"/>, each already sorted by <paramref name="order"/>, in
    /// that order; equal items come in the order of their sources, and within a source as it gives them.
    /// </summary>
    public static IEnumerable<T> Merge<T>(IReadOnlyList<IEnumerable<T>> sources, IComparer<T> order)
    {
        var heads = new PriorityQueue<IEnumerator<T>, (T Item, int Source)>(
            Comparer<(T Item, int Source)>.Create((a, b) => order.Compare(a.Item, b.Item) is var c && c != 0 ? c : a.Source.CompareTo(b.Source)));
        var open = new List<IEnumerator<T>>(sources.Count);
        try
        {
            for (var source = 0; source < sources.Count; source++)
            {
                var enumerator = sources[source].GetEnumerator();
                open.Add(enumerator);
                if (enumerator.MoveNext())
                {
                    heads.Enqueue(enumerator, (enumerator.Current, source));
                }
            }

            while (heads.TryPeek(out var next, out var head))
            {
                yield return head.Item;

                // The source's next item takes its place at the top in one pass down the heap,
                // where a dequeue and an enqueue would each walk it.
                if (next.MoveNext())
                {
                    heads.DequeueEnqueue(next, (next.Current, head.Source));
                }
                else
                {
                    heads.Dequeue();
                }
            }
        }
        finally
        {
            foreach (var enumerator in open)
            {
                enumerator.Dispose();
            }
        }
    }
}
