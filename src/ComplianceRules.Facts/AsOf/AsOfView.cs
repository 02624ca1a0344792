using ComplianceRules.Facts.Model;

namespace ComplianceRules.Facts.AsOf;

/// <summary>
/// rules.md "As-of date": a date after D has not happened yet. The view of a case file as of D
/// drops records that start after D, turns ends and outcomes dated after D into "not yet", and
/// keeps planned dates (<c>planActions[].due</c>, <c>child.expectedDateOfBirth</c>) as they are.
/// Records keep their paths and lines, so evidence still points into the file as written.
/// </summary>
public static class AsOfView
{
    public static CaseFile AsOf(this CaseFile file, DateOnly asOf)
    {
        bool Started(DateOnly date) => date <= asOf;
        bool Future(DateOnly? date) => date > asOf;
        bool FutureTime(DateTime? time) => time is { } t && DateOnly.FromDateTime(t) > asOf;
        IReadOnlyList<DatedRecord> Held(IReadOnlyList<DatedRecord> records) => Filter(records, r => Started(r.Date));

        return file with
        {
            Child = Future(file.Child.DateOfBirth) ? file.Child with { DateOfBirth = null } : file.Child,
            Allocations = Map(file.Allocations, a => !Started(a.Start) ? null : Future(a.End) ? a with { End = null } : a),
            Referrals = Map(file.Referrals, r => !Started(r.Date) ? null : Future(r.Closed) ? r with { Closed = null } : r),
            Assessments = Map(file.Assessments, a => !Started(a.Start) ? null : Future(a.Authorised) ? a with { Authorised = null } : a),
            S47Enquiries = Filter(file.S47Enquiries, s => Started(s.StrategyDiscussion)),
            Conferences = Filter(file.Conferences, c => Started(c.Date)),
            CpPlans = Map(file.CpPlans, p => !Started(p.Start) ? null : Future(p.End) ? p with { End = null } : p),
            CinPlans = Map(file.CinPlans, p => !Started(p.Start) ? null
                : Future(p.End) || Held(p.Reviews) != p.Reviews ? p with { End = Future(p.End) ? null : p.End, Reviews = Held(p.Reviews) } : p),
            CoreGroups = Filter(file.CoreGroups, g => Started(g.Date)),
            PlanActions = Map(file.PlanActions, a => Future(a.Completed) ? a with { Completed = null } : a),
            Visits = Filter(file.Visits, v => Started(v.Date)),
            Supervisions = Filter(file.Supervisions, s => Started(s.Date)),
            ManagementOversight = Filter(file.ManagementOversight, m => Started(m.Date)),
            Legal = new Legal
            {
                PlanningMeetings = Filter(file.Legal.PlanningMeetings, m => Started(m.Date)),
                PreProceedings = Map(file.Legal.PreProceedings, p => !Started(p.Start) ? null : p with
                {
                    LetterBeforeProceedings = Future(p.LetterBeforeProceedings) ? null : p.LetterBeforeProceedings,
                    InitialMeeting = Future(p.InitialMeeting) ? null : p.InitialMeeting,
                    ReviewMeetings = Held(p.ReviewMeetings),
                    End = Future(p.End) ? null : p.End,
                }),
                Proceedings = Map(file.Legal.Proceedings, p => !Started(p.Issued) ? null : Future(p.Concluded) ? p with { Concluded = null } : p),
            },
            LookedAfter = new LookedAfter
            {
                Periods = Map(file.LookedAfter.Periods, p => !Started(p.Start) ? null : Future(p.End) ? p with { End = null } : p),
                Placements = Map(file.LookedAfter.Placements, p => !Started(p.Start) ? null : Future(p.End) ? p with { End = null } : p),
                Reviews = Held(file.LookedAfter.Reviews),
                HealthAssessments = Filter(file.LookedAfter.HealthAssessments, h => Started(h.Date)),
                Peps = Held(file.LookedAfter.Peps),
            },
            MissingEpisodes = Map(file.MissingEpisodes, m => !Started(m.Start) ? null : m with
            {
                Returned = FutureTime(m.Returned) ? null : m.Returned,
                ReturnInterview = m.ReturnInterview is { } interview
                    ? interview with
                    {
                        Offered = FutureTime(interview.Offered) ? null : interview.Offered,
                        Completed = FutureTime(interview.Completed) ? null : interview.Completed,
                    }
                    : null,
            }),
            CareLeaver = new CareLeaver { PathwayPlans = Held(file.CareLeaver.PathwayPlans) },
        };
    }

    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> records, Func<T, bool> keep)
    {
        // Most records of most cases are on or before D: keep the original list when nothing changes.
        for (var i = 0; i < records.Count; i++)
        {
            if (!keep(records[i]))
            {
                return records.Where(keep).ToArray();
            }
        }

        return records;
    }

    private static IReadOnlyList<T> Map<T>(IReadOnlyList<T> records, Func<T, T?> asOf)
        where T : class
    {
        if (records.Count == 0)
        {
            return records;
        }

        List<T>? changed = null;
        for (var i = 0; i < records.Count; i++)
        {
            var kept = asOf(records[i]);
            if (changed is null && !ReferenceEquals(kept, records[i]))
            {
                changed = new List<T>(records.Count);
                for (var j = 0; j < i; j++)
                {
                    changed.Add(records[j]);
                }
            }

            if (changed is not null && kept is not null)
            {
                changed.Add(kept);
            }
        }

        // Unchanged records keep their list: most cases hold nothing after D.
        return changed ?? records;
    }
}
