using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.CareLeavers;

/// <summary>What the care leaver rules share: being looked after on or after the 16th birthday makes a care leaver.</summary>
internal static class CareLeaving
{
    public const int EligibleAge = 16;

    /// <summary>
    /// The period of care (held as of D, so started by D) was open on some day from the 16th
    /// birthday to D: it had not ended by that birthday (an end on the birthday is not open on it).
    /// </summary>
    public static bool OpenFromSixteenthBirthday(CarePeriod period, CaseAsOf @case) =>
        period.End is not { } end || end > @case.BirthdayAt(EligibleAge);
}
