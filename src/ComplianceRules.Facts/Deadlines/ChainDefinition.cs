namespace ComplianceRules.Facts.Deadlines;

/// <summary>What a timeliness rule says about its chain of deadlines (see <see cref="DeadlineChain"/>).</summary>
public sealed record ChainDefinition<TEvent>
{
    /// <summary>A0, the anchor of the first link.</summary>
    public required DateOnly FirstAnchor { get; init; }

    /// <summary>d = f(link): the deadline of a link from its index and anchor (rules close over anything else they need).</summary>
    public required Func<ChainStep, DateOnly> Deadline { get; init; }

    /// <summary>
    /// The qualifying events, already restricted to those inside the governing period (or whatever
    /// the rule's row says). Order matters only among events on the same day: the first one wins.
    /// Events after D are ignored: they have not happened yet.
    /// </summary>
    public required IEnumerable<TEvent> Events { get; init; }

    public required Func<TEvent, DateOnly> DateOf { get; init; }

    /// <summary>Whether an event can meet a given link (CSC6003: only an initial assessment meets the first); null: any event can.</summary>
    public Func<ChainStep, TEvent, bool>? CanMeet { get; init; }

    /// <summary>
    /// The governing period's end as of D; null while it is open at D (an end after D counts as
    /// no end). A link whose deadline is on or after this date stops the chain. A rule whose row
    /// stops enforcing deadlines from some date (an 18th birthday) can pass the earlier of the two.
    /// </summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Whether the governing period (or the case) is open at D: decides overdue against missed. Null: open when <see cref="PeriodEnd"/> is null.</summary>
    public bool? OpenAtAsOf { get; init; }

    /// <summary>Stop after the first link.</summary>
    public bool SingleLink { get; init; }
}
