namespace ComplianceRules.Facts.Deadlines;

/// <summary>How one link of a <see cref="DeadlineChain"/> ended.</summary>
public enum LinkOutcome
{
    /// <summary>A qualifying event on or before the deadline.</summary>
    Met,

    /// <summary>A finding: the first qualifying event came after the deadline.</summary>
    Late,

    /// <summary>A finding: no event, the deadline is before D, and the governing period is open at D.</summary>
    Overdue,

    /// <summary>A finding: no event, the deadline is before D, and the governing period has ended.</summary>
    Missed,

    /// <summary>No event yet, and the deadline is on or after D.</summary>
    NotYetDue,

    /// <summary>The governing period ended on or before the deadline; the deadline does not apply.</summary>
    PeriodEnded,
}
