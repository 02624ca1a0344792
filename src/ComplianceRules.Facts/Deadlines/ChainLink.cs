namespace ComplianceRules.Facts.Deadlines;

/// <summary>What a deadline function sees of the link it sets the deadline for.</summary>
/// <param name="Index">0 for the first link.</param>
/// <param name="Anchor">A: the first anchor, then the date of the event that met the previous link.</param>
public readonly record struct ChainStep(int Index, DateOnly Anchor)
{
    public bool IsFirst => Index == 0;
}

/// <summary>
/// One deadline a chain computed, and how it ended. A struct: a chain makes one for every event it
/// walks (every visit of every plan), nearly all of them met long ago.
/// </summary>
/// <param name="Due">d = f(A); <see cref="DeadlineCalculator.BeyondCalendar"/> when only "after D" is known.</param>
/// <param name="MetBy">The event that met the link (on time or late); default when <paramref name="MetOn"/> is null.</param>
/// <param name="MetOn">The date of <paramref name="MetBy"/>; null when no event met the link.</param>
public readonly record struct ChainLink<TEvent>(int Index, DateOnly Anchor, DateOnly Due, LinkOutcome Outcome, TEvent? MetBy, DateOnly? MetOn)
{
    /// <summary>Late, overdue or missed: a finding (before the caller's lookback filter).</summary>
    public bool IsFinding => Outcome is LinkOutcome.Late or LinkOutcome.Overdue or LinkOutcome.Missed;
}
