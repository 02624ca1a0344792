namespace ComplianceRules.Generator;

/// <summary>What a generated child's case is about at the as-of date.</summary>
public enum CaseKind { ChildInNeed, ChildProtection, LookedAfter, CareLeaver }

/// <summary>
/// The shares of a generated caseload, after England's figures (about 400,000 children in need,
/// 50,000 on child protection plans, 82,000 looked after): mostly children in need, about an
/// eighth on a CP plan, about a fifth looked after, and some care leavers.
/// </summary>
public static class CaseMix
{
    public const double ChildProtection = 0.125;
    public const double LookedAfter = 0.20;
    public const double CareLeaver = 0.04;

    /// <summary>Of the children in need, the share whose episode has closed by D.</summary>
    public const double ClosedChildInNeed = 0.10;

    /// <summary>Of the CP cases, the share whose plan repeats an earlier plan that ended within two years.</summary>
    public const double RepeatPlan = 0.07;

    /// <summary>Of the CP and looked-after cases, the share with no date of birth recorded (a data-quality gap CSC0004 reports).</summary>
    public const double DateOfBirthMissing = 0.01;

    /// <summary>The share of cases holding a visit recorded ahead of D (a data-quality slip CSC0002 reports).</summary>
    public const double FutureDatedVisit = 0.003;

    public static CaseKind Pick(double draw) => draw switch
    {
        < ChildProtection => CaseKind.ChildProtection,
        < ChildProtection + LookedAfter => CaseKind.LookedAfter,
        < ChildProtection + LookedAfter + CareLeaver => CaseKind.CareLeaver,
        _ => CaseKind.ChildInNeed,
    };
}
