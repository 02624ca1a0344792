using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.ChildProtection;

[Diagnostic("CSC1005", "Core group overdue", RuleCategory.ChildProtection, Severity.Info,
    Source = "Working Together to Safeguard Children 2023 (first core group within 10 working days of the initial conference); local practice for later meetings")]
[Description("The core group of a child protection plan first meets within 10 working days of the plan's start, and then at least every few weeks.")]
[Reports(FindingStatus.Late, FindingStatus.Overdue, FindingStatus.Missed)]
public sealed class CSC1005CoreGroupOverdue : ComplianceRule
{
    public override void Define()
    {
        var firstWorkingDays = Parameter("first_core_group_working_days", 10, "Working days from the plan's start to the first core group");
        var intervalWeeks = Parameter("core_group_interval_weeks", 6, "Weeks allowed between core groups after the first");

        CaseAsOf @case = null!;
        CpPlan plan = null!;
        IEnumerable<CoreGroup> coreGroups = null!;

        // A core group that names another plan never counts, even inside this one.
        When()
            .Match(() => @case)
            .Match(() => plan)
            .Query(() => coreGroups, q => q
                .Match<CoreGroup>(g => g.CpPlanId == null || g.CpPlanId == plan.Id, g => plan.Contains(g.Date))
                .Collect());

        Then()
            .Do(ctx => ReportLateCoreGroups(ctx, @case, plan, coreGroups, firstWorkingDays.Value, intervalWeeks.Value));
    }

    private void ReportLateCoreGroups(IContext context, CaseAsOf @case, CpPlan plan, IEnumerable<CoreGroup> coreGroups, int firstWorkingDays, int intervalWeeks)
    {
        var links = RunChain(@case, plan.Id,
            new ChainDefinition<CoreGroup>
            {
                FirstAnchor = plan.Start,
                Deadline = link => link.IsFirst
                    ? @case.Dates.WorkingDays(link.Anchor, firstWorkingDays)
                    : DeadlineCalculator.Weeks(link.Anchor, intervalWeeks),
                Events = coreGroups,
                DateOf = group => group.Date,
                PeriodEnd = plan.End,
            });

        // The first deadline is counted in working days, the later ones in weeks: each is phrased in its own unit.
        ReportPart(links.Take(1), DelayUnit.WorkingDays);
        ReportPart(links.Skip(1), DelayUnit.Days);

        void ReportPart(IEnumerable<ChainLink<CoreGroup>> part, DelayUnit unit) =>
            ReportBreaches(context, @case, part, "Core group", unit, plan.Id,
                link => new Dictionary<string, object?>
                {
                    ["lastCoreGroup"] = link.Index == 0 ? null : link.Anchor,
                    ["firstCoreGroupWorkingDays"] = firstWorkingDays,
                    ["coreGroupIntervalWeeks"] = intervalWeeks,
                },
                link => [link.Index == 0 ? null : coreGroups.LastOrDefault(g => g.Date == link.Anchor), link.MetBy],
                link => link.Index == 0
                    ? $"none since the plan started on {Phrases.Date(plan.Start)}"
                    : $"last core group {Phrases.Date(link.Anchor)}");
    }
}
