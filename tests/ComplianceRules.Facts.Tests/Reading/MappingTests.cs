using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using static ComplianceRules.Facts.Tests.Reading.ReadingTestKit;

namespace ComplianceRules.Facts.Tests.Reading;

public class MappingTests
{
    private static CaseFile ReadTestData(string name) =>
        new CaseFileReader().Read(TestDataPath(name)).ShouldHaveSingleItem().ShouldBeOfType<ReadCase>().Case;

    [Fact]
    public void The_example_of_case_file_md_is_read()
    {
        var caseFile = ReadTestData("example.json");

        caseFile.CaseId.ShouldBe("C100234");
        caseFile.Child.DateOfBirth.ShouldBe(new DateOnly(2016, 5, 14));
        caseFile.Team.ShouldBe("Safeguarding East");
        caseFile.Allocations.ShouldHaveSingleItem().ShouldBe(new Allocation
        {
            WorkerId = "SW017", Role = AllocationRole.SocialWorker, Team = "Safeguarding East",
            Start = new(2026, 1, 12), Path = "allocations[0]", Line = 7,
        });
        caseFile.S47Enquiries.ShouldHaveSingleItem().Outcome.ShouldBe(S47Outcome.Icpc);
        caseFile.Conferences.Select(c => (c.Id, c.Kind, c.S47Id)).ShouldBe([("K1", ConferenceKind.Initial, "S1"), ("K2", ConferenceKind.Review, null)]);
        caseFile.Visits.Select(v => (v.Date, v.Seen, v.SeenAlone, v.Path, v.Line)).ShouldBe([
            (new DateOnly(2026, 2, 4), true, (bool?)true, "visits[0]", 19),
            (new DateOnly(2026, 2, 16), true, (bool?)false, "visits[1]", 20),
        ]);
        caseFile.ManagementOversight.ShouldHaveSingleItem().Event.ShouldBe(OversightEvent.PlanStart);
        caseFile.Legal.PreProceedings.ShouldBeEmpty();
    }

    [Fact]
    public void Every_field_of_case_file_md_is_read_into_the_model()
    {
        var caseFile = ReadTestData("every-field.json");

        caseFile.Child.ShouldBe(new Child { ExpectedDateOfBirth = new(2026, 6, 1) });
        caseFile.Allocations.Select(a => (a.Role, a.End)).ShouldBe([(AllocationRole.PersonalAdviser, (DateOnly?)new(2025, 6, 30)), (AllocationRole.TeamManager, null)]);
        caseFile.Referrals.Select(r => r.End).ShouldBe([new DateOnly(2025, 1, 2), new DateOnly(2025, 9, 1)]);
        caseFile.S47Enquiries.ShouldHaveSingleItem().Outcome.ShouldBeNull();
        caseFile.CinPlans.ShouldHaveSingleItem().Reviews.Select(r => (r.Date, r.Path, r.Line)).ShouldBe([
            (new DateOnly(2025, 12, 1), "cinPlans[0].reviews[0]", 15),
            (new DateOnly(2026, 3, 1), "cinPlans[0].reviews[1]", 15),
        ]);
        caseFile.PlanActions.ShouldHaveSingleItem().ShouldBe(new PlanAction
        {
            PlanId = "P1", Owner = "SW1", Due = new(2025, 4, 30), Completed = new(2025, 4, 20), Path = "planActions[0]", Line = 17,
        });
        caseFile.Visits.ShouldHaveSingleItem().Seen.ShouldBeFalse();
        caseFile.Supervisions.ShouldHaveSingleItem().WorkerId.ShouldBeNull();
        caseFile.ManagementOversight.Select(m => m.Event).ShouldBe([OversightEvent.General, OversightEvent.StepDown]);
        caseFile.Legal.PlanningMeetings.ShouldHaveSingleItem().Outcome.ShouldBe(LegalPlanningOutcome.PreProceedings);
        var preProceedings = caseFile.Legal.PreProceedings.ShouldHaveSingleItem();
        (preProceedings.LetterBeforeProceedings, preProceedings.InitialMeeting, preProceedings.End, preProceedings.Outcome)
            .ShouldBe((new DateOnly(2025, 5, 10), new DateOnly(2025, 5, 20), new DateOnly(2025, 8, 30), PreProceedingsOutcome.StepDown));
        preProceedings.ReviewMeetings.Select(r => r.Path).ShouldBe(["legal.preProceedings[0].reviewMeetings[0]", "legal.preProceedings[0].reviewMeetings[1]"]);
        caseFile.Legal.Proceedings.ShouldHaveSingleItem().Concluded.ShouldBe(new DateOnly(2026, 3, 1));
        caseFile.LookedAfter.Periods.ShouldHaveSingleItem().End.ShouldBeNull();
        caseFile.LookedAfter.Placements.ShouldHaveSingleItem().ShouldBe(new Placement
        {
            Id = "PL1", Start = new(2025, 10, 1), WithParents = true, LongTerm = false, Path = "lookedAfter.placements[0]", Line = 31,
        });
        caseFile.LookedAfter.Reviews.ShouldHaveSingleItem().ShouldBe(new DatedRecord { Date = new(2025, 10, 20), Path = "lookedAfter.reviews[0]", Line = 32 });
        caseFile.LookedAfter.HealthAssessments.ShouldHaveSingleItem().Kind.ShouldBe(HealthAssessmentKind.Initial);
        caseFile.LookedAfter.Peps.ShouldHaveSingleItem().Path.ShouldBe("lookedAfter.peps[0]");
        caseFile.CareLeaver.PathwayPlans.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2026, 1, 1));
    }

    [Fact]
    public void Missing_episode_times_are_dates_or_local_date_times()
    {
        var episode = ReadTestData("every-field.json").MissingEpisodes.ShouldHaveSingleItem();

        episode.Returned.ShouldBe(new DateTime(2025, 11, 2, 7, 30, 0));
        episode.Returned!.Value.Kind.ShouldBe(DateTimeKind.Unspecified);
        episode.ReturnInterview.ShouldBe(new ReturnInterview
        {
            Offered = new DateTime(2025, 11, 3), // a date alone is the start of that day
            Completed = new DateTime(2025, 11, 4, 16, 45, 10),
            Declined = false,
        });
        (episode.Path, episode.Line).ShouldBe(("missingEpisodes[0]", 37));
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2000-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("1900-02-29", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-04-31", false)]
    [InlineData("2026-12-31", true)]
    [InlineData("0000-01-01", false)]
    public void Only_real_calendar_dates_are_read(string date, bool real)
    {
        var result = ReadText($$"""{"caseId":"C1","visits":[{"date":"{{date}}"}]}""", "a.ndjson").ShouldHaveSingleItem();

        if (real)
            result.ShouldBeOfType<ReadCase>().Case.Visits.ShouldHaveSingleItem().Date.ShouldBe(DateOnly.ParseExact(date, "yyyy-MM-dd"));
        else
            result.ShouldBeOfType<RejectedCase>().Problem.ShouldBe($"\"{date}\" is not a real calendar date");
    }

    [Fact]
    public void Unknown_fields_are_ignored_at_every_level()
    {
        var caseFile = ReadOne("""
            {"caseId":"C1","localAuthority":{"code":"E09000001","extra":[1,{"a":null}]},"schemaRevision":"x",
             "child":{"dateOfBirth":"2016-05-14","gender":"f"},
             "visits":[{"date":"2026-01-01","notes":["x",{"y":2}],"seen":true}],
             "lookedAfter":{"futureList":[{"date":"not even a date"}]}}
            """.ReplaceLineEndings(""));

        caseFile.Child.DateOfBirth.ShouldBe(new DateOnly(2016, 5, 14));
        caseFile.Visits.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2026, 1, 1));
    }

    [Theory]
    [InlineData("""{"caseId":"C1"}""")]
    [InlineData("""{"caseId":"C1","schemaVersion":null,"child":null,"team":null,"visits":null,"legal":null,"lookedAfter":null,"careLeaver":null,"missingEpisodes":null}""")]
    [InlineData("""{"caseId":"C1","schemaVersion":1,"child":{},"visits":[],"legal":{"preProceedings":[]},"lookedAfter":{"reviews":null},"careLeaver":{"pathwayPlans":[]},"missingEpisodes":[]}""")]
    public void Absent_null_and_empty_mean_nothing_recorded(string caseJson)
    {
        var caseFile = ReadOne(caseJson);

        caseFile.ShouldBe(new CaseFile { CaseId = "C1", Source = new("a.ndjson", 1) }, new CaseFileEquivalence());
    }

    [Fact]
    public void Defaults_apply_to_absent_or_null_values()
    {
        var caseFile = ReadOne("""
            {"caseId":"C1","visits":[{"date":"2026-01-01","seen":null}],"managementOversight":[{"date":"2026-01-01","managerId":"M","event":null}],
             "referrals":[{"id":"R","date":"2026-01-01"}],"lookedAfter":{"placements":[{"id":"P","start":"2026-01-01"}]},
             "missingEpisodes":[{"id":"M","start":"2026-01-01","returnInterview":{}}]}
            """.ReplaceLineEndings(""));

        caseFile.Visits.ShouldHaveSingleItem().Seen.ShouldBeTrue();
        caseFile.Visits.ShouldHaveSingleItem().SeenAlone.ShouldBeNull();
        caseFile.ManagementOversight.ShouldHaveSingleItem().Event.ShouldBe(OversightEvent.General);
        caseFile.Referrals.ShouldHaveSingleItem().Nfa.ShouldBeFalse();
        caseFile.LookedAfter.Placements.ShouldHaveSingleItem().LongTerm.ShouldBeFalse();
        caseFile.MissingEpisodes.ShouldHaveSingleItem().ReturnInterview.ShouldBe(new ReturnInterview());
        caseFile.SchemaVersion.ShouldBe(1);
    }

    /// <summary>Records compare lists by reference; an empty case compares them by content.</summary>
    private sealed class CaseFileEquivalence : IEqualityComparer<CaseFile>
    {
        public bool Equals(CaseFile? x, CaseFile? y) => Describe(x!) == Describe(y!);

        public int GetHashCode(CaseFile obj) => 0;

        private static string Describe(CaseFile c) => string.Join("|",
            c.SchemaVersion, c.CaseId, c.Child, c.Team, c.Source,
            c.Allocations.Count, c.Referrals.Count, c.Assessments.Count, c.S47Enquiries.Count, c.Conferences.Count,
            c.CpPlans.Count, c.CinPlans.Count, c.CoreGroups.Count, c.PlanActions.Count, c.Visits.Count, c.Supervisions.Count,
            c.ManagementOversight.Count, c.Legal.PlanningMeetings.Count, c.Legal.PreProceedings.Count, c.Legal.Proceedings.Count,
            c.LookedAfter.Periods.Count, c.LookedAfter.Placements.Count, c.LookedAfter.Reviews.Count,
            c.LookedAfter.HealthAssessments.Count, c.LookedAfter.Peps.Count, c.MissingEpisodes.Count, c.CareLeaver.PathwayPlans.Count);
    }
}
