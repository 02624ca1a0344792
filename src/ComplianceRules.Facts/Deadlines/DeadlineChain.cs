namespace ComplianceRules.Facts.Deadlines;

/// <summary>
/// The "Deadline chains" algorithm of the rule catalogue's common semantics: the one
/// implementation every timeliness rule runs.
/// </summary>
public static class DeadlineChain
{
    /// <summary>
    /// Every link of the chain, in order, met ones included (a timeline prints them all); the last
    /// one says why the chain stopped. Late and missed links are not filtered by the lookback here:
    /// that is the caller's (see <see cref="DeadlineCalculator.LookbackStart"/>). An
    /// <paramref name="observer"/>, when given, sees the chain and its links once they are known.
    /// </summary>
    public static IReadOnlyList<ChainLink<TEvent>> Run<TEvent>(ChainDefinition<TEvent> chain, DateOnly asOf, IChainObserver? observer = null)
    {
        var links = Links(chain, asOf);
        observer?.Observe(chain, links);
        return links;
    }

    private static List<ChainLink<TEvent>> Links<TEvent>(ChainDefinition<TEvent> chain, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(chain);

        // Every timeliness rule runs a chain per plan or placement of every case: the dated events
        // are put in a buffer this thread reuses (taken while in use, in case a rule's delegate
        // runs a chain of its own).
        var buffer = EventBuffer<TEvent>.Free ?? [];
        EventBuffer<TEvent>.Free = null;
        try
        {
            return Links(chain, asOf, EventsByDate(chain, asOf, buffer));
        }
        finally
        {
            buffer.Clear();
            EventBuffer<TEvent>.Free = buffer;
        }
    }

    private static List<ChainLink<TEvent>> Links<TEvent>(ChainDefinition<TEvent> chain, DateOnly asOf, List<(DateOnly Date, TEvent Event)> events)
    {
        var openAtAsOf = chain.OpenAtAsOf ?? chain.PeriodEnd is null;

        // Ends: every later link needs an event strictly after the previous one, so there are at
        // most as many links as distinct event dates, plus the one that stops the chain.
        var links = new List<ChainLink<TEvent>>(events.Count + 1);
        var anchor = chain.FirstAnchor;
        var firstCandidate = 0;
        for (var index = 0; ; index++)
        {
            var step = new ChainStep(index, anchor);
            var due = chain.Deadline(step);

            if (chain.PeriodEnd is { } periodEnd && periodEnd <= due)
            {
                links.Add(new(index, anchor, due, LinkOutcome.PeriodEnded, default, null));
                return links;
            }

            // The first link may be met on its anchor's day; a later link's anchor is the previous
            // event, which does not count again.
            while (firstCandidate < events.Count
                   && (step.IsFirst ? events[firstCandidate].Date < anchor : events[firstCandidate].Date <= anchor))
            {
                firstCandidate++;
            }

            var next = firstCandidate;
            while (next < events.Count && chain.CanMeet is { } canMeet && !canMeet(step, events[next].Event))
            {
                next++;
            }

            if (next == events.Count)
            {
                var outcome = due >= asOf ? LinkOutcome.NotYetDue
                    : openAtAsOf ? LinkOutcome.Overdue
                    : LinkOutcome.Missed;
                links.Add(new(index, anchor, due, outcome, default, null));
                return links;
            }

            var (date, metBy) = events[next];
            links.Add(new(index, anchor, due, date <= due ? LinkOutcome.Met : LinkOutcome.Late, metBy, date));
            if (chain.SingleLink)
            {
                return links;
            }

            anchor = date;
        }
    }

    /// <summary>The events up to D with their dates, in date order; same-day events keep the caller's order.</summary>
    private static List<(DateOnly Date, TEvent Event)> EventsByDate<TEvent>(ChainDefinition<TEvent> chain, DateOnly asOf, List<(DateOnly Date, TEvent Event)> events)
    {
        var inOrder = true;
        void Add(TEvent item)
        {
            var date = chain.DateOf(item);
            if (date <= asOf)
            {
                inOrder &= events.Count == 0 || events[^1].Date <= date;
                events.Add((date, item));
            }
        }

        // Rules pass the lists they matched: indexed, they need no enumerator.
        if (chain.Events is IReadOnlyList<TEvent> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Add(list[i]);
            }
        }
        else
        {
            foreach (var item in chain.Events)
            {
                Add(item);
            }
        }

        // Records mostly come in date order already; only the others pay for a (stable) sort.
        return inOrder ? events : [.. events.OrderBy(dated => dated.Date)];
    }

    /// <summary>The list of dated events this thread's chains reuse; null while a chain holds it.</summary>
    private static class EventBuffer<TEvent>
    {
        [ThreadStatic]
        public static List<(DateOnly Date, TEvent Event)>? Free;
    }
}
