using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Generator.Tests;

public sealed class CaseGeneratorTests(GeneratedCaseload caseload) : IClassFixture<GeneratedCaseload>
{
    private static readonly DeadlineCalculator Dates = new(WorkingDayCalendar.Default, DayCounting.Inclusive, GeneratedCaseload.AsOf);

    [Fact]
    public void The_same_seed_gives_byte_identical_output()
    {
        GeneratedCaseload.Generate(GeneratedCaseload.Seed, GeneratedCaseload.Cases).ShouldBe(caseload.Ndjson);
    }

    [Fact]
    public void Another_seed_gives_other_cases()
    {
        GeneratedCaseload.Generate(GeneratedCaseload.Seed + 1, 50).ShouldNotBe(Lines(caseload.Ndjson, 50));
    }

    [Fact]
    public void A_case_does_not_depend_on_how_many_are_generated()
    {
        // Case i is drawn from its own seed, so the first 50 of 2,000 are the 50 of a run of 50.
        GeneratedCaseload.Generate(GeneratedCaseload.Seed, 50).ShouldBe(Lines(caseload.Ndjson, 50));
    }

    [Fact]
    public void Every_case_is_one_line_the_reader_accepts()
    {
        caseload.Ndjson.Count(c => c == '\n').ShouldBe(GeneratedCaseload.Cases);
        caseload.Read.OfType<RejectedCase>().Select(r => r.Message).ShouldBeEmpty();
        caseload.Read.Count.ShouldBe(GeneratedCaseload.Cases);
        caseload.Files.Select(f => f.CaseId).Distinct().Count().ShouldBe(GeneratedCaseload.Cases);
    }

    [Fact]
    public void The_caseload_has_the_proportions_of_a_real_one()
    {
        var cases = caseload.Files.Select(f => new CaseAsOf(f, Dates, lookbackMonths: 6)).ToList();
        double Share(Func<CaseAsOf, bool> test) => cases.Count(test) / (double)cases.Count;

        // About an eighth on a CP plan and a fifth looked after at D; with 2,000 cases one standard
        // error is under 1 point, so 2.5 points is a tolerance a correct mix does not miss.
        Share(c => c.IsOpen && c.Status == CaseStatus.ChildProtection).ShouldBe(1 / 8.0, tolerance: 0.025);
        Share(c => c.IsOpen && c.Status == CaseStatus.LookedAfter).ShouldBe(1 / 5.0, tolerance: 0.025);
        Share(c => c.IsOpen && c.Status == CaseStatus.ChildInNeed).ShouldBeGreaterThan(0.5);
        // Care leavers: 18 or over at D, with pathway plans and a period of care that has ended.
        Share(c => c.DateOfBirth is { } born && DeadlineCalculator.AgeOn(born, c.AsOf) >= 18 && c.Current.CareLeaver.PathwayPlans.Count > 0)
            .ShouldBe(0.04, tolerance: 0.015);
        Share(c => c.Current.MissingEpisodes.Count > 0).ShouldBeGreaterThan(0.03);
        Share(c => c.Current.Legal.PlanningMeetings.Count + c.Current.Legal.PreProceedings.Count + c.Current.Legal.Proceedings.Count > 0)
            .ShouldBeGreaterThan(0.05);
        Share(c => c.Current.Legal.PreProceedings.Count > 0).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Some_plans_repeat_an_earlier_plan()
    {
        // rules.md CSC1012: a plan that started strictly after an earlier plan ended.
        caseload.Files.Count(f => f.CpPlans.Any(p => f.CpPlans.Any(e => e.End is { } end && end < p.Start))).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Histories_span_years_and_streams_follow_their_cadence()
    {
        caseload.Files.Count(f => f.Referrals.Min(r => r.Date) <= GeneratedCaseload.AsOf.AddYears(-3)).ShouldBeGreaterThan(20);

        // CP visits every 10 working days: on open plans most gaps between visits are two weeks or less.
        var gaps = caseload.Files
            .SelectMany(f => f.CpPlans.Where(p => p.End is null).SelectMany(p => Gaps(f.Visits.Where(v => p.Contains(v.Date)).Select(v => v.Date))))
            .ToList();
        gaps.Count.ShouldBeGreaterThan(1000);
        (gaps.Count(days => days <= 14) / (double)gaps.Count).ShouldBeGreaterThan(0.9);
        gaps.ShouldContain(days => days > 14, "some visits are late");
    }

    [Fact]
    public void Every_category_of_the_catalogue_has_a_finding()
    {
        var evaluator = new Evaluator(new CompiledProfile(Profile.Default), GeneratedCaseload.AsOf, WorkingDayCalendar.Default);
        var categories = caseload.Files.SelectMany(evaluator.Evaluate).Select(f => f.Category).ToHashSet();

        categories.OrderBy(c => c).ShouldBe(Enum.GetValues<RuleCategory>());
    }

    [Fact]
    public void Plan_action_descriptions_are_made_up_text()
    {
        var generated = new CaseGenerator(GeneratedCaseload.Seed, GeneratedCaseload.AsOf);
        var actions = Enumerable.Range(0, 200).Select(generated.Generate).SelectMany(g => g.File.PlanActions.Select(g.DescriptionOf)).ToList();

        actions.ShouldNotBeEmpty();
        actions.ShouldAllBe(text => text.Length > 0 && text.EndsWith('.'));
    }

    private static IEnumerable<int> Gaps(IEnumerable<DateOnly> dates)
    {
        var ordered = dates.Order().ToList();
        return ordered.Zip(ordered.Skip(1), (a, b) => b.DayNumber - a.DayNumber);
    }

    private static string Lines(string ndjson, int count) =>
        string.Concat(ndjson.Split('\n').Take(count).Select(line => line + "\n"));
}
