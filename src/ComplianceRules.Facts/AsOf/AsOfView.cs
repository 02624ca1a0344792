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
        // Every case of a nightly run gets a view: the lambdas are static and are handed D, where
        // lambdas capturing it would allocate a closure and a delegate for each list every time.
        return file with
        {
            Child = Future(file.Child.DateOfBirth, asOf) ? file.Child with { DateOfBirth = null } : file.Child,
            Allocations = Map(file.Allocations, asOf, static (a, d) => !Started(a.Start, d) ? null : Future(a.End, d) ? a with { End = null } : a),
            Referrals = Map(file.Referrals, asOf, static (r, d) => !Started(r.Date, d) ? null : Future(r.Closed, d) ? r with { Closed = null } : r),
            Assessments = Map(file.Assessments, asOf, static (a, d) => !Started(a.Start, d) ? null : Future(a.Authorised, d) ? a with { Authorised = null } : a),
            S47Enquiries = Filter(file.S47Enquiries, asOf, static (s, d) => Started(s.StrategyDiscussion, d)),
            Conferences = Filter(file.Conferences, asOf, static (c, d) => Started(c.Date, d)),
            CpPlans = Map(file.CpPlans, asOf, static (p, d) => !Started(p.Start, d) ? null : Future(p.End, d) ? p with { End = null } : p),
            CinPlans = Map(file.CinPlans, asOf, static (p, d) => !Started(p.Start, d) ? null
                : Future(p.End, d) || Held(p.Reviews, d) != p.Reviews ? p with { End = Future(p.End, d) ? null : p.End, Reviews = Held(p.Reviews, d) } : p),
            CoreGroups = Filter(file.CoreGroups, asOf, static (g, d) => Started(g.Date, d)),
            PlanActions = Map(file.PlanActions, asOf, static (a, d) => Future(a.Completed, d) ? a with { Completed = null } : a),
            Visits = Filter(file.Visits, asOf, static (v, d) => Started(v.Date, d)),
            Supervisions = Filter(file.Supervisions, asOf, static (s, d) => Started(s.Date, d)),
            ManagementOversight = Filter(file.ManagementOversight, asOf, static (m, d) => Started(m.Date, d)),
            Legal = new Legal
            {
                PlanningMeetings = Filter(file.Legal.PlanningMeetings, asOf, static (m, d) => Started(m.Date, d)),
                PreProceedings = Map(file.Legal.PreProceedings, asOf, static (p, d) => !Started(p.Start, d) ? null : p with
                {
                    LetterBeforeProceedings = Future(p.LetterBeforeProceedings, d) ? null : p.LetterBeforeProceedings,
                    InitialMeeting = Future(p.InitialMeeting, d) ? null : p.InitialMeeting,
                    ReviewMeetings = Held(p.ReviewMeetings, d),
                    End = Future(p.End, d) ? null : p.End,
                }),
                Proceedings = Map(file.Legal.Proceedings, asOf, static (p, d) => !Started(p.Issued, d) ? null : Future(p.Concluded, d) ? p with { Concluded = null } : p),
            },
            LookedAfter = new LookedAfter
            {
                Periods = Map(file.LookedAfter.Periods, asOf, static (p, d) => !Started(p.Start, d) ? null : Future(p.End, d) ? p with { End = null } : p),
                Placements = Map(file.LookedAfter.Placements, asOf, static (p, d) => !Started(p.Start, d) ? null : Future(p.End, d) ? p with { End = null } : p),
                Reviews = Held(file.LookedAfter.Reviews, asOf),
                HealthAssessments = Filter(file.LookedAfter.HealthAssessments, asOf, static (h, d) => Started(h.Date, d)),
                Peps = Held(file.LookedAfter.Peps, asOf),
            },
            MissingEpisodes = Map(file.MissingEpisodes, asOf, static (m, d) => !Started(m.Start, d) ? null : m with
            {
                Returned = FutureTime(m.Returned, d) ? null : m.Returned,
                ReturnInterview = m.ReturnInterview is { } interview
                    ? interview with
                    {
                        Offered = FutureTime(interview.Offered, d) ? null : interview.Offered,
                        Completed = FutureTime(interview.Completed, d) ? null : interview.Completed,
                    }
                    : null,
            }),
            CareLeaver = new CareLeaver { PathwayPlans = Held(file.CareLeaver.PathwayPlans, asOf) },
        };
    }

    private static bool Started(DateOnly date, DateOnly asOf) => date <= asOf;

    private static bool Future(DateOnly? date, DateOnly asOf) => date > asOf;

    private static bool FutureTime(DateTime? time, DateOnly asOf) => time is { } t && DateOnly.FromDateTime(t) > asOf;

    private static IReadOnlyList<DatedRecord> Held(IReadOnlyList<DatedRecord> records, DateOnly asOf) =>
        Filter(records, asOf, static (r, d) => Started(r.Date, d));

    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> records, DateOnly asOf, Func<T, DateOnly, bool> keep)
    {
        // Most records of most cases are on or before D: keep the original list when nothing changes.
        // (No lambda here: one capturing the parameters would allocate its closure on every call.)
        for (var i = 0; i < records.Count; i++)
        {
            if (!keep(records[i], asOf))
            {
                var kept = new List<T>(records.Count - 1);
                for (var j = 0; j < records.Count; j++)
                {
                    if (j < i || (j > i && keep(records[j], asOf)))
                    {
                        kept.Add(records[j]);
                    }
                }

                return kept;
            }
        }

        return records;
    }

    private static IReadOnlyList<T> Map<T>(IReadOnlyList<T> records, DateOnly asOf, Func<T, DateOnly, T?> view)
        where T : class
    {
        if (records.Count == 0)
        {
            return records;
        }

        List<T>? changed = null;
        for (var i = 0; i < records.Count; i++)
        {
            var kept = view(records[i], asOf);
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
