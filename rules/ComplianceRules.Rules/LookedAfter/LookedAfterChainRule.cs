using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.LookedAfter;

/// <summary>
/// A looked-after timeliness rule: runs its deadline chain over one placement or period of care
/// and reports the breaches with the same evidence and wording across CSC6001-CSC6004.
/// </summary>
public abstract class LookedAfterChainRule : ComplianceRule
{
    /// <summary>
    /// Runs <paramref name="chain"/> and reports its breaches. The first link's delay is phrased in
    /// <paramref name="firstUnit"/> (working days when its deadline is a working-day count); later
    /// deadlines are calendar weeks or months, so their delays are in days.
    /// </summary>
    protected void RunAndReport<TEvent>(
        IContext context,
        CaseAsOf @case,
        string subjectId,
        ChainDefinition<TEvent> chain,
        string what,
        string eventName,
        string firstLinkDetail,
        DelayUnit firstUnit,
        Func<ChainLink<TEvent>, IReadOnlyDictionary<string, object?>> arguments)
        where TEvent : CaseRecord
    {
        var links = RunChain(@case, subjectId, chain);

        ReportBreaches(context, @case, links.Where(link => link.Index == 0), what, firstUnit, subjectId, arguments,
            link => [link.MetBy],
            link => firstLinkDetail);
        ReportBreaches(context, @case, links.Where(link => link.Index > 0), what, DelayUnit.Days, subjectId, arguments,
            link => [links[link.Index - 1].MetBy, link.MetBy],
            link => $"last {eventName} {Phrases.Date(link.Anchor)}");
    }
}
