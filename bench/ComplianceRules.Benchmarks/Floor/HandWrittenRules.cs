using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Benchmarks.Floor;

/// <summary>
/// CSC1001, CSC2001 and CSC3001 in plain C#, with their default parameters: the floor the engine
/// is measured against (bench/run.sh, part c). Same calendar, deadline chain, phrasing and
/// finding shape as the rules (src/ComplianceRules.Facts, ComplianceRule's public helpers), so
/// a difference in time is the engine's. A test proves the findings are the same.
/// </summary>
public static class HandWrittenRules
{
    private const int VisitIntervalWorkingDays = 10;
    private const int PlanMonths = 9;
    private const bool IncludeRepeatPlans = true;
    private const int RepeatWindowMonths = 24;
    private const int CpIntervalDays = 30;
    private const int ClaIntervalDays = 60;
    private const int CinIntervalDays = 60;

    public static List<RuleFinding> Evaluate(CaseAsOf @case)
    {
        var findings = new List<RuleFinding>();
        var file = @case.Current;
        foreach (var plan in file.CpPlans)
        {
            ChildProtectionVisits(@case, plan, findings);
            if (plan.IsOpenOn(@case.AsOf))
            {
                PloNotConsidered(@case, plan, findings);
            }
        }

        SupervisionOverdue(@case, findings);
        return findings;
    }

    /// <summary>CSC1001: chain per CP plan, d = wd(A, 10), events = visits seen inside the plan.</summary>
    private static void ChildProtectionVisits(CaseAsOf @case, CpPlan plan, List<RuleFinding> findings)
    {
        var visits = new List<Visit>();
        foreach (var visit in @case.Current.Visits)
        {
            if (visit.Seen && plan.Contains(visit.Date))
            {
                visits.Add(visit);
            }
        }

        var links = DeadlineChain.Run(
            new ChainDefinition<Visit>
            {
                FirstAnchor = plan.Start,
                Deadline = link => @case.Dates.WorkingDays(link.Anchor, VisitIntervalWorkingDays),
                Events = visits,
                DateOf = visit => visit.Date,
                PeriodEnd = plan.End,
            },
            @case.AsOf);

        foreach (var link in links)
        {
            var breach = ComplianceRule.Breach(@case, link, "Child protection visit", DelayUnit.WorkingDays,
                l => l.Index == 0 ? $"no visit since the plan started on {Phrases.Date(plan.Start)}" : $"last visit {Phrases.Date(l.Anchor)}");
            if (breach is not { } found)
            {
                continue;
            }

            var previous = link.Index == 0 ? null : visits.LastOrDefault(v => v.Date == link.Anchor);
            findings.Add(ComplianceRule.NewFinding("CSC1001", @case, found.Status, found.Message, plan.Id, link.Due, link.MetOn,
                new Dictionary<string, object?>
                {
                    ["lastVisit"] = link.Index == 0 ? null : link.Anchor,
                    ["intervalWorkingDays"] = VisitIntervalWorkingDays,
                },
                Evidence.Of([plan, previous, link.MetBy])));
        }
    }

    /// <summary>CSC2001: an open CP plan, long-standing or a repeat, with no legal planning meeting, pre-proceedings or proceedings since it started.</summary>
    private static void PloNotConsidered(CaseAsOf @case, CpPlan plan, List<RuleFinding> findings)
    {
        var longStanding = DeadlineCalculator.Months(plan.Start, PlanMonths) <= @case.AsOf;
        // The most recent earlier plan that ended before this one started, within the repeat window.
        CpPlan? earlier = null;
        foreach (var other in @case.Current.CpPlans)
        {
            if (other.End is { } end && end < plan.Start && plan.Start <= DeadlineCalculator.Months(end, RepeatWindowMonths)
                && (earlier is null || end > earlier.End))
            {
                earlier = other;
            }
        }

        var repeat = IncludeRepeatPlans ? earlier : null;
        if (!(longStanding || repeat is not null))
        {
            return;
        }

        var legal = @case.Current.Legal;
        if (legal.PlanningMeetings.Any(m => m.Date >= plan.Start) || legal.PreProceedings.Any(p => p.Start >= plan.Start) || legal.Proceedings.Any(p => p.Issued >= plan.Start))
        {
            return;
        }

        var why = (longStanding, repeat) switch
        {
            (true, not null) => $"a repeat plan open for {Phrases.Duration(plan.Start, @case.AsOf)}",
            (true, null) => $"open for {Phrases.Duration(plan.Start, @case.AsOf)}",
            _ => $"a repeat plan starting {Phrases.Duration(repeat!.End!.Value, plan.Start)} after the last one ended",
        };
        findings.Add(ComplianceRule.NewFinding("CSC2001", @case, FindingStatus.Present,
            $"PLO not considered for child protection plan {plan.Id} ({why}): no legal planning meeting, pre-proceedings or proceedings since {Phrases.Date(plan.Start)}",
            plan.Id, dueDate: null, metOn: null,
            new Dictionary<string, object?>
            {
                ["planStart"] = plan.Start,
                ["longStanding"] = longStanding,
                ["repeatPlan"] = repeat is not null,
                ["previousPlanEnd"] = repeat?.End,
                ["planMonths"] = PlanMonths,
                ["includeRepeatPlans"] = IncludeRepeatPlans,
                ["repeatWindowMonths"] = RepeatWindowMonths,
            },
            Evidence.Of([plan, repeat])));
    }

    /// <summary>CSC3001: an open case, d = days(latest supervision since the open date, or the open date / allocation start, interval by status).</summary>
    private static void SupervisionOverdue(CaseAsOf @case, List<RuleFinding> findings)
    {
        if (@case.OpenDate is not { } openDate)
        {
            return;
        }

        Supervision? latest = null;
        foreach (var supervision in @case.Current.Supervisions)
        {
            if (supervision.Date >= openDate && (latest is null || supervision.Date > latest.Date))
            {
                latest = supervision;
            }
        }

        var interval = @case.Status switch
        {
            CaseStatus.ChildProtection => CpIntervalDays,
            CaseStatus.LookedAfter => ClaIntervalDays,
            _ => CinIntervalDays,
        };
        var allocated = @case.CurrentSocialWorker?.Start;
        var anchor = latest?.Date ?? (allocated is { } start && start > openDate ? start : openDate);
        var due = DeadlineCalculator.Days(anchor, interval);
        if (due >= @case.AsOf)
        {
            return;
        }

        findings.Add(ComplianceRule.NewFinding("CSC3001", @case, FindingStatus.Overdue,
            $"Case supervision overdue by {Phrases.Delay(@case.Dates, due, @case.AsOf, DelayUnit.Days)} " +
            (latest is null ? $"(none recorded since {Phrases.Date(anchor)})" : $"(last supervision {Phrases.Date(latest.Date)})"),
            subjectId: null, due, metOn: null,
            new Dictionary<string, object?>
            {
                ["lastSupervision"] = latest?.Date,
                ["countedFrom"] = anchor,
                ["status"] = @case.Status switch { CaseStatus.ChildProtection => "cp", CaseStatus.LookedAfter => "cla", _ => "cin" },
                ["intervalDays"] = interval,
            },
            Evidence.Of([latest])));
    }
}
