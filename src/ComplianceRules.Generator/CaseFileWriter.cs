using System.Globalization;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using Newtonsoft.Json;

namespace ComplianceRules.Generator;

/// <summary>
/// Writes a <see cref="CaseFile"/> as one case-file.md object on one line (NDJSON). Only what
/// the model holds is written, plus the plan actions' free-text descriptions, which the model
/// does not keep and the caller supplies (made-up text).
/// </summary>
public static class CaseFileWriter
{
    public static void WriteLine(TextWriter output, CaseFile file, Func<PlanAction, string> describe)
    {
        using (var json = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false, AutoCompleteOnClose = false })
        {
            Write(json, file, describe);
            json.Flush();
        }

        output.Write('\n');
    }

    private static void Write(JsonWriter json, CaseFile file, Func<PlanAction, string> describe)
    {
        json.WriteStartObject();
        json.WritePropertyName("schemaVersion");
        json.WriteValue(file.SchemaVersion);
        Text(json, "caseId", file.CaseId);
        json.WritePropertyName("child");
        json.WriteStartObject();
        Date(json, "dateOfBirth", file.Child.DateOfBirth);
        Date(json, "expectedDateOfBirth", file.Child.ExpectedDateOfBirth);
        json.WriteEndObject();
        Text(json, "team", file.Team);
        Array(json, "allocations", file.Allocations, a =>
        {
            Text(json, "workerId", a.WorkerId);
            Text(json, "role", Camel(a.Role));
            Text(json, "team", a.Team);
            Date(json, "start", a.Start);
            Date(json, "end", a.End);
        });
        Array(json, "referrals", file.Referrals, r =>
        {
            Text(json, "id", r.Id);
            Date(json, "date", r.Date);
            if (r.Nfa)
            {
                json.WritePropertyName("nfa");
                json.WriteValue(true);
            }

            Date(json, "closed", r.Closed);
        });
        Array(json, "assessments", file.Assessments, a =>
        {
            Text(json, "id", a.Id);
            Text(json, "referralId", a.ReferralId);
            Date(json, "start", a.Start);
            Date(json, "authorised", a.Authorised);
        });
        Array(json, "s47Enquiries", file.S47Enquiries, s =>
        {
            Text(json, "id", s.Id);
            Date(json, "strategyDiscussion", s.StrategyDiscussion);
            Text(json, "outcome", s.Outcome is { } outcome ? Camel(outcome) : null);
        });
        Array(json, "conferences", file.Conferences, c =>
        {
            Text(json, "id", c.Id);
            Text(json, "kind", Camel(c.Kind));
            Date(json, "date", c.Date);
            Text(json, "s47Id", c.S47Id);
        });
        Array(json, "cpPlans", file.CpPlans, p =>
        {
            Period(json, p);
            Text(json, "category", p.Category);
        });
        Array(json, "cinPlans", file.CinPlans, p =>
        {
            Period(json, p);
            Dates(json, "reviews", p.Reviews);
        });
        Array(json, "coreGroups", file.CoreGroups, g =>
        {
            Date(json, "date", g.Date);
            Text(json, "cpPlanId", g.CpPlanId);
        });
        Array(json, "planActions", file.PlanActions, a =>
        {
            Text(json, "planId", a.PlanId);
            Text(json, "description", describe(a));
            Text(json, "owner", a.Owner);
            Date(json, "due", a.Due);
            Date(json, "completed", a.Completed);
        });
        Array(json, "visits", file.Visits, v =>
        {
            Date(json, "date", v.Date);
            if (!v.Seen)
            {
                json.WritePropertyName("seen");
                json.WriteValue(false);
            }

            if (v.SeenAlone is { } alone)
            {
                json.WritePropertyName("seenAlone");
                json.WriteValue(alone);
            }

            Text(json, "workerId", v.WorkerId);
        });
        Array(json, "supervisions", file.Supervisions, s =>
        {
            Date(json, "date", s.Date);
            Text(json, "supervisorId", s.SupervisorId);
            Text(json, "workerId", s.WorkerId);
        });
        Array(json, "managementOversight", file.ManagementOversight, m =>
        {
            Date(json, "date", m.Date);
            Text(json, "managerId", m.ManagerId);
            Text(json, "event", Camel(m.Event));
        });

        json.WritePropertyName("legal");
        json.WriteStartObject();
        Array(json, "planningMeetings", file.Legal.PlanningMeetings, m =>
        {
            Date(json, "date", m.Date);
            Text(json, "outcome", m.Outcome is { } outcome ? Camel(outcome) : null);
        });
        Array(json, "preProceedings", file.Legal.PreProceedings, p =>
        {
            Text(json, "id", p.Id);
            Date(json, "start", p.Start);
            Date(json, "letterBeforeProceedings", p.LetterBeforeProceedings);
            Date(json, "initialMeeting", p.InitialMeeting);
            Dates(json, "reviewMeetings", p.ReviewMeetings);
            Date(json, "end", p.End);
            Text(json, "outcome", p.Outcome is { } outcome ? Camel(outcome) : null);
        });
        Array(json, "proceedings", file.Legal.Proceedings, p =>
        {
            Text(json, "id", p.Id);
            Date(json, "issued", p.Issued);
            Date(json, "concluded", p.Concluded);
        });
        json.WriteEndObject();

        json.WritePropertyName("lookedAfter");
        json.WriteStartObject();
        Array(json, "periods", file.LookedAfter.Periods, p =>
        {
            Period(json, p);
        });
        Array(json, "placements", file.LookedAfter.Placements, p =>
        {
            Period(json, p);
            json.WritePropertyName("withParents");
            json.WriteValue(p.WithParents);
            json.WritePropertyName("longTerm");
            json.WriteValue(p.LongTerm);
        });
        Dates(json, "reviews", file.LookedAfter.Reviews);
        Array(json, "healthAssessments", file.LookedAfter.HealthAssessments, h =>
        {
            Date(json, "date", h.Date);
            Text(json, "kind", Camel(h.Kind));
        });
        Dates(json, "peps", file.LookedAfter.Peps);
        json.WriteEndObject();

        Array(json, "missingEpisodes", file.MissingEpisodes, m =>
        {
            Text(json, "id", m.Id);
            Date(json, "start", m.Start);
            Time(json, "returned", m.Returned);
            if (m.ReturnInterview is { } interview)
            {
                json.WritePropertyName("returnInterview");
                json.WriteStartObject();
                Time(json, "offered", interview.Offered);
                Time(json, "completed", interview.Completed);
                json.WritePropertyName("declined");
                json.WriteValue(interview.Declined);
                json.WriteEndObject();
            }
        });

        json.WritePropertyName("careLeaver");
        json.WriteStartObject();
        Dates(json, "pathwayPlans", file.CareLeaver.PathwayPlans);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>An array of objects; an empty one is left out (absent and empty mean the same).</summary>
    private static void Array<T>(JsonWriter json, string name, IReadOnlyList<T> records, Action<T> writeFields)
    {
        if (records.Count == 0)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var record in records)
        {
            json.WriteStartObject();
            writeFields(record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>An array of bare dates (looked-after reviews, PEPs, pathway plans, CIN plan reviews).</summary>
    private static void Dates(JsonWriter json, string name, IReadOnlyList<DatedRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var record in records)
        {
            json.WriteValue(IsoDate(record.Date));
        }

        json.WriteEndArray();
    }

    /// <summary>The <c>id</c>, <c>start</c> and <c>end</c> every plan, period and placement has.</summary>
    private static void Period<T>(JsonWriter json, T record)
        where T : IIdentifiedRecord, IPeriod
    {
        Text(json, "id", record.Id);
        Date(json, "start", record.Start);
        Date(json, "end", record.End);
    }

    private static void Text(JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void Date(JsonWriter json, string name, DateOnly? value) =>
        Text(json, name, value is { } date ? IsoDate(date) : null);

    /// <summary>case-file.md's date-time: <c>YYYY-MM-DDThh:mm</c>, local UK time.</summary>
    private static void Time(JsonWriter json, string name, DateTime? value) =>
        Text(json, name, value?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => CamelCaseEnum<TEnum>.Name(value);
}
