namespace ComplianceRules.Facts.Deadlines;

/// <summary>How a working-day count treats its starting date (the profile's <c>dayCounting</c>).</summary>
public enum DayCounting
{
    /// <summary>Day 1 is the first working day on or after the start (as the DfE census validator counts); the default.</summary>
    Inclusive,

    /// <summary>Day 1 is the first working day after the start.</summary>
    Exclusive,
}
