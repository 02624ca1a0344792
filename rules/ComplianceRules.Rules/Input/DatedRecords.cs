using ComplianceRules.Facts.Model;

namespace ComplianceRules.Rules.Input;

/// <summary>A field of a record that holds a fact's date (a date-time counts by its day).</summary>
public readonly record struct DatedField(string Name, DateOnly Date);

/// <summary>
/// One record of a case file with every fact date it holds, and its start/end pair if it has one
/// (CSC0002, and the harness's failure timeline). Planned dates (<c>planActions[].due</c>, <c>child.expectedDateOfBirth</c>) are not
/// facts and are left out. Date-only list entries (<c>lookedAfter.reviews[0]</c>,
/// <c>cinPlans[0].reviews[1]</c>) are records of their own, named by their path.
/// </summary>
public sealed record DatedRecords(CaseRecord Record, IReadOnlyList<DatedField> Fields, DatedField? Start, DatedField? End)
{
    /// <summary>Every record of <paramref name="file"/> that holds at least one fact date, in file order.</summary>
    public static IEnumerable<DatedRecords> Of(CaseFile file)
    {
        foreach (var a in file.Allocations)
        {
            yield return Period(a, "start", a.Start, "end", a.End);
        }

        foreach (var r in file.Referrals)
        {
            yield return Period(r, "date", r.Date, "closed", r.Closed);
        }

        foreach (var a in file.Assessments)
        {
            yield return Period(a, "start", a.Start, "authorised", a.Authorised);
        }

        foreach (var s in file.S47Enquiries)
        {
            yield return Single(s, "strategyDiscussion", s.StrategyDiscussion);
        }

        foreach (var c in file.Conferences)
        {
            yield return Single(c, "date", c.Date);
        }

        foreach (var p in file.CpPlans)
        {
            yield return Period(p, "start", p.Start, "end", p.End);
        }

        foreach (var p in file.CinPlans)
        {
            yield return Period(p, "start", p.Start, "end", p.End);
            foreach (var review in Dates(p.Reviews))
            {
                yield return review;
            }
        }

        foreach (var g in file.CoreGroups)
        {
            yield return Single(g, "date", g.Date);
        }

        foreach (var a in file.PlanActions.Where(a => a.Completed is not null))
        {
            yield return Single(a, "completed", a.Completed!.Value);
        }

        foreach (var v in file.Visits)
        {
            yield return Single(v, "date", v.Date);
        }

        foreach (var s in file.Supervisions)
        {
            yield return Single(s, "date", s.Date);
        }

        foreach (var m in file.ManagementOversight)
        {
            yield return Single(m, "date", m.Date);
        }

        foreach (var m in file.Legal.PlanningMeetings)
        {
            yield return Single(m, "date", m.Date);
        }

        foreach (var p in file.Legal.PreProceedings)
        {
            var start = new DatedField("start", p.Start);
            var end = Field("end", p.End);
            yield return new DatedRecords(p, Present(start, Field("letterBeforeProceedings", p.LetterBeforeProceedings), Field("initialMeeting", p.InitialMeeting), end), start, end);
            foreach (var meeting in Dates(p.ReviewMeetings))
            {
                yield return meeting;
            }
        }

        foreach (var p in file.Legal.Proceedings)
        {
            yield return Period(p, "issued", p.Issued, "concluded", p.Concluded);
        }

        foreach (var p in file.LookedAfter.Periods)
        {
            yield return Period(p, "start", p.Start, "end", p.End);
        }

        foreach (var p in file.LookedAfter.Placements)
        {
            yield return Period(p, "start", p.Start, "end", p.End);
        }

        foreach (var review in Dates(file.LookedAfter.Reviews))
        {
            yield return review;
        }

        foreach (var h in file.LookedAfter.HealthAssessments)
        {
            yield return Single(h, "date", h.Date);
        }

        foreach (var pep in Dates(file.LookedAfter.Peps))
        {
            yield return pep;
        }

        foreach (var m in file.MissingEpisodes)
        {
            var start = new DatedField("start", m.Start);
            var returned = Field("returned", m.Returned);
            yield return new DatedRecords(m, Present(start, returned,
                Field("returnInterview.offered", m.ReturnInterview?.Offered),
                Field("returnInterview.completed", m.ReturnInterview?.Completed)), start, returned);
        }

        foreach (var plan in Dates(file.CareLeaver.PathwayPlans))
        {
            yield return plan;
        }
    }

    private static DatedRecords Single(CaseRecord record, string name, DateOnly date) =>
        new(record, [new DatedField(name, date)], null, null);

    private static DatedRecords Period(CaseRecord record, string startName, DateOnly start, string endName, DateOnly? end)
    {
        var first = new DatedField(startName, start);
        var last = Field(endName, end);
        return new DatedRecords(record, last is { } present ? [first, present] : [first], first, last);
    }

    private static IEnumerable<DatedRecords> Dates(IEnumerable<DatedRecord> records) =>
        records.Select(r => Single(r, "date", r.Date));

    private static DatedField? Field(string name, DateOnly? date) => date is { } value ? new DatedField(name, value) : null;

    private static DatedField? Field(string name, DateTime? time) => time is { } value ? new DatedField(name, DateOnly.FromDateTime(value)) : null;

    private static DatedField[] Present(params DatedField?[] fields)
    {
        // A loop, not OfType: OfType boxes every nullable field (this runs for every record of every case).
        var present = new List<DatedField>(fields.Length);
        foreach (var field in fields)
        {
            if (field is { } value)
            {
                present.Add(value);
            }
        }

        return [.. present];
    }
}
