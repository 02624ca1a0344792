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
    public static IReadOnlyList<DatedRecords> Of(CaseFile file)
    {
        var collector = new Collector();
        Walk(file, ref collector);
        return collector.Records;
    }

    /// <summary>
    /// Shows <paramref name="visitor"/> every record of <paramref name="file"/> that holds at least one
    /// fact date, in file order, with its fields in a buffer that is only valid during the call: a
    /// case has dozens of records, nearly all in order, and a check that keeps none allocates nothing.
    /// </summary>
    public static void Walk<TVisitor>(CaseFile file, ref TVisitor visitor)
        where TVisitor : IDatedRecordVisitor
    {
        // Indexed loops: foreach over an IReadOnlyList allocates an enumerator, about twenty a case.
        var fields = new FieldBuffer();
        for (var i = 0; i < file.Allocations.Count; i++)
        {
            var a = file.Allocations[i];
            Period(ref visitor, ref fields, a, "start", a.Start, "end", a.End);
        }

        for (var i = 0; i < file.Referrals.Count; i++)
        {
            var r = file.Referrals[i];
            Period(ref visitor, ref fields, r, "date", r.Date, "closed", r.Closed);
        }

        for (var i = 0; i < file.Assessments.Count; i++)
        {
            var a = file.Assessments[i];
            Period(ref visitor, ref fields, a, "start", a.Start, "authorised", a.Authorised);
        }

        for (var i = 0; i < file.S47Enquiries.Count; i++)
        {
            var s = file.S47Enquiries[i];
            Single(ref visitor, ref fields, s, "strategyDiscussion", s.StrategyDiscussion);
        }

        for (var i = 0; i < file.Conferences.Count; i++)
        {
            var c = file.Conferences[i];
            Single(ref visitor, ref fields, c, "date", c.Date);
        }

        for (var i = 0; i < file.CpPlans.Count; i++)
        {
            var p = file.CpPlans[i];
            Period(ref visitor, ref fields, p, "start", p.Start, "end", p.End);
        }

        for (var i = 0; i < file.CinPlans.Count; i++)
        {
            var p = file.CinPlans[i];
            Period(ref visitor, ref fields, p, "start", p.Start, "end", p.End);
            Dates(ref visitor, ref fields, p.Reviews);
        }

        for (var i = 0; i < file.CoreGroups.Count; i++)
        {
            var g = file.CoreGroups[i];
            Single(ref visitor, ref fields, g, "date", g.Date);
        }

        for (var i = 0; i < file.PlanActions.Count; i++)
        {
            var a = file.PlanActions[i];
            if (a.Completed is { } completed)
            {
                Single(ref visitor, ref fields, a, "completed", completed);
            }
        }

        for (var i = 0; i < file.Visits.Count; i++)
        {
            var v = file.Visits[i];
            Single(ref visitor, ref fields, v, "date", v.Date);
        }

        for (var i = 0; i < file.Supervisions.Count; i++)
        {
            var s = file.Supervisions[i];
            Single(ref visitor, ref fields, s, "date", s.Date);
        }

        for (var i = 0; i < file.ManagementOversight.Count; i++)
        {
            var m = file.ManagementOversight[i];
            Single(ref visitor, ref fields, m, "date", m.Date);
        }

        for (var i = 0; i < file.Legal.PlanningMeetings.Count; i++)
        {
            var m = file.Legal.PlanningMeetings[i];
            Single(ref visitor, ref fields, m, "date", m.Date);
        }

        for (var i = 0; i < file.Legal.PreProceedings.Count; i++)
        {
            var p = file.Legal.PreProceedings[i];
            var start = new DatedField("start", p.Start);
            var end = Field("end", p.End);
            var count = Present(ref fields, start, Field("letterBeforeProceedings", p.LetterBeforeProceedings), Field("initialMeeting", p.InitialMeeting), end);
            visitor.Visit(p, fields[..count], start, end);
            Dates(ref visitor, ref fields, p.ReviewMeetings);
        }

        for (var i = 0; i < file.Legal.Proceedings.Count; i++)
        {
            var p = file.Legal.Proceedings[i];
            Period(ref visitor, ref fields, p, "issued", p.Issued, "concluded", p.Concluded);
        }

        for (var i = 0; i < file.LookedAfter.Periods.Count; i++)
        {
            var p = file.LookedAfter.Periods[i];
            Period(ref visitor, ref fields, p, "start", p.Start, "end", p.End);
        }

        for (var i = 0; i < file.LookedAfter.Placements.Count; i++)
        {
            var p = file.LookedAfter.Placements[i];
            Period(ref visitor, ref fields, p, "start", p.Start, "end", p.End);
        }

        Dates(ref visitor, ref fields, file.LookedAfter.Reviews);

        for (var i = 0; i < file.LookedAfter.HealthAssessments.Count; i++)
        {
            var h = file.LookedAfter.HealthAssessments[i];
            Single(ref visitor, ref fields, h, "date", h.Date);
        }

        Dates(ref visitor, ref fields, file.LookedAfter.Peps);

        for (var i = 0; i < file.MissingEpisodes.Count; i++)
        {
            var m = file.MissingEpisodes[i];
            var start = new DatedField("start", m.Start);
            var returned = Field("returned", m.Returned);
            var count = Present(ref fields, start, returned,
                Field("returnInterview.offered", m.ReturnInterview?.Offered),
                Field("returnInterview.completed", m.ReturnInterview?.Completed));
            visitor.Visit(m, fields[..count], start, returned);
        }

        Dates(ref visitor, ref fields, file.CareLeaver.PathwayPlans);
    }

    private static void Single<TVisitor>(ref TVisitor visitor, ref FieldBuffer fields, CaseRecord record, string name, DateOnly date)
        where TVisitor : IDatedRecordVisitor
    {
        fields[0] = new DatedField(name, date);
        visitor.Visit(record, fields[..1], null, null);
    }

    private static void Period<TVisitor>(ref TVisitor visitor, ref FieldBuffer fields, CaseRecord record, string startName, DateOnly start, string endName, DateOnly? end)
        where TVisitor : IDatedRecordVisitor
    {
        var first = fields[0] = new DatedField(startName, start);
        var last = Field(endName, end);
        if (last is { } present)
        {
            fields[1] = present;
        }

        visitor.Visit(record, fields[..(last is null ? 1 : 2)], first, last);
    }

    private static void Dates<TVisitor>(ref TVisitor visitor, ref FieldBuffer fields, IReadOnlyList<DatedRecord> records)
        where TVisitor : IDatedRecordVisitor
    {
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            Single(ref visitor, ref fields, record, "date", record.Date);
        }
    }

    private static DatedField? Field(string name, DateOnly? date) => date is { } value ? new DatedField(name, value) : null;

    private static DatedField? Field(string name, DateTime? time) => time is { } value ? new DatedField(name, DateOnly.FromDateTime(value)) : null;

    /// <summary>Puts the fields that are present into the buffer, in order; how many there are.</summary>
    private static int Present(ref FieldBuffer buffer, DatedField? first, DatedField? second, DatedField? third, DatedField? fourth)
    {
        var count = 0;
        foreach (var field in (ReadOnlySpan<DatedField?>)[first, second, third, fourth])
        {
            if (field is { } value)
            {
                buffer[count++] = value;
            }
        }

        return count;
    }

    /// <summary>Room for the most fact dates one record holds (four), on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct FieldBuffer
    {
        private DatedField _first;
    }

    /// <summary>Keeps every record, for <see cref="Of"/>.</summary>
    private struct Collector() : IDatedRecordVisitor
    {
        public List<DatedRecords> Records { get; } = [];

        public readonly void Visit(CaseRecord record, scoped ReadOnlySpan<DatedField> fields, DatedField? start, DatedField? end) =>
            Records.Add(new DatedRecords(record, fields.ToArray(), start, end));
    }
}

/// <summary>Sees each dated record of a case file (<see cref="DatedRecords.Walk"/>); <c>fields</c> is valid only during the call.</summary>
public interface IDatedRecordVisitor
{
    void Visit(CaseRecord record, scoped ReadOnlySpan<DatedField> fields, DatedField? start, DatedField? end);
}
