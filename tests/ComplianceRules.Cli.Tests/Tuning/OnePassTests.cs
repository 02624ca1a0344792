using System.Collections;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Diffing;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Findings.Tuning;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Tuning;

/// <summary>Tune and diff read their input once, however many profiles they compare, and stream it: in order, on every core, never far ahead.</summary>
public sealed class OnePassTests
{
    private static readonly DateOnly AsOf = DateOnly.Parse(TwoLateVisits.AsOf, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Tuning_three_values_reads_the_input_once()
    {
        var cases = new ReadOnce(TwoLateVisits.Ndjson);
        var rule = RuleCatalog.Default.Find("CSC1001")!;
        var request = new TuningRequest(rule, rule.Parameters.Single(p => p.Name == "visit_interval_working_days"), [10, 15, 20]);

        var result = ThresholdTuning.Run(cases, Profile.Default, request, AsOf, WorkingDayCalendar.Default);

        cases.Enumerations.ShouldBe(1);
        result.Cases.Read.ShouldBe(2);

        // The counts TwoLateVisits derives, so every value did see both cases from that one read.
        result.Rows.Select(r => r.Findings).ShouldBe([2, 1, 0]);
    }

    [Fact]
    public void Diffing_two_profiles_reads_the_input_once()
    {
        var cases = new ReadOnce(TwoLateVisits.Ndjson);
        var longer = Cases.Profile("""{ "rules": { "CSC1001": { "visit_interval_working_days": 20 } } }""");

        var diff = FindingsDiff.Between(cases, Evaluator(Profile.Default), Evaluator(longer));

        cases.Enumerations.ShouldBe(1);

        // Under 20 neither visit is late: the two findings of the default's 10 are only under A.
        diff.OnlyA.ShouldBe(2);
        diff.OnlyB.ShouldBe(0);
    }

    [Fact]
    public void Cases_come_back_in_input_order_each_evaluated_under_every_profile()
    {
        // 300 cases, T1 and T2 alternately under new ids, evaluated on every core. Under 10 working
        // days both are late (one finding each); under 15 only T2's kind is (TwoLateVisits).
        var ndjson = string.Concat(Enumerable.Range(0, 300).Select(i => Renamed(i % 2 == 0 ? TwoLateVisits.T1 : TwoLateVisits.T2, $"K{i:D3}")));
        var fifteen = Cases.Profile("""{ "rules": { "CSC1001": { "visit_interval_working_days": 15 } } }""");

        var evaluated = SideBySide.Evaluate(new ReadOnce(ndjson), [Evaluator(Profile.Default), Evaluator(fifteen)]).ToList();

        evaluated.Select(c => ((ReadCase)c.Read).Case.CaseId).ShouldBe(Enumerable.Range(0, 300).Select(i => $"K{i:D3}"));
        evaluated.Select(c => (c.Findings[0].Count(IsCsc1001), c.Findings[1].Count(IsCsc1001)))
            .ShouldBe(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? (1, 0) : (1, 1)));
        // Each case's findings are its own, not those of a case evaluated beside it on another core.
        evaluated.ShouldAllBe(c => c.Findings.All(under => under.All(f => f.Result.CaseId == ((ReadCase)c.Read).Case.CaseId)));
    }

    [Fact]
    public void Lines_left_unparsed_are_parsed_on_the_cores_and_come_back_as_reading_them_at_once_gives()
    {
        // 40 cases and, at line 21, a line that is not JSON: rejected (CSC0001) by whichever core parses it.
        var ndjson = string.Concat(Enumerable.Range(0, 40).Select(i => i == 20 ? "{ broken\n" : Renamed(TwoLateVisits.T1, $"K{i:D3}")));
        static string Describe(CaseUnderProfiles c) => c.Read switch
        {
            ReadCase read => $"{read.Case.CaseId}: {string.Join(",", c.Findings[0].Select(f => f.Result.RuleId))}",
            RejectedCase rejected => $"rejected at line {rejected.Line}: {string.Join(",", c.Findings[0].Select(f => f.Result.RuleId))}",
            var other => other.GetType().Name,
        };

        var deferred = SideBySide.Evaluate(new ReadOnce(ndjson, deferParsing: true), [Evaluator(Profile.Default)]).Select(Describe).ToList();
        var atOnce = SideBySide.Evaluate(new ReadOnce(ndjson), [Evaluator(Profile.Default)]).Select(Describe).ToList();

        deferred.ShouldBe(atOnce);
        deferred[20].ShouldBe("rejected at line 21: CSC0001");
        deferred[0].ShouldStartWith("K000: ");
        deferred[0].ShouldContain("CSC1001");
    }

    [Fact]
    public void A_calendar_failure_on_one_case_is_thrown_as_itself_and_no_later_case_comes_back()
    {
        // K040's plan starts Fri 2011-12-30, before the calendar's first year (2012): CSC1001's
        // wd(2011-12-30, 10) cannot be counted, an error of the run (rules.md), whichever core met it.
        var ndjson = string.Concat(Enumerable.Range(0, 80).Select(i =>
            Renamed(i == 40 ? TwoLateVisits.T1.Replace("2026-03-02", "2011-12-30") : TwoLateVisits.T1, $"K{i:D3}")));
        var seen = new List<string>();

        var error = Should.Throw<CalendarException>(() =>
        {
            foreach (var @case in SideBySide.Evaluate(new ReadOnce(ndjson), [Evaluator(Profile.Default)]))
            {
                seen.Add(((ReadCase)@case.Read).Case.CaseId);
            }
        });

        // Cases come back a batch at a time, so the failing case's batch (K032 to K047) is lost whole:
        // the caller sees some cases before K040, in order, and none after it.
        error.Message.ShouldContain("K040");
        seen.Count.ShouldBeLessThanOrEqualTo(40);
        seen.ShouldBe(Enumerable.Range(0, seen.Count).Select(i => $"K{i:D3}"));
    }

    [Fact]
    public void Reading_runs_ahead_of_the_consumer_only_by_the_cases_in_flight()
    {
        var cases = new ReadOnce(string.Concat(Enumerable.Range(0, 20_000).Select(i => Renamed(TwoLateVisits.T1, $"R{i}"))));
        using var evaluated = SideBySide.Evaluate(cases, [Evaluator(Profile.Default)]).GetEnumerator();

        evaluated.MoveNext().ShouldBeTrue();

        // The consumer holds on to the first case; reading runs ahead until four batches of 16 cases
        // per core are in flight, and then waits. Reading the whole input ahead would hold it all in memory.
        int read;
        do
        {
            read = cases.CasesRead;
            Thread.Sleep(250);
        }
        while (cases.CasesRead != read);

        // Batches of 16 cases: the one the consumer is taking cases from, 4 a core queued behind it,
        // and one read and waiting for room in the queue; 160 cases on two cores.
        read.ShouldBeLessThanOrEqualTo(16 * (1 + 4 * Environment.ProcessorCount + 1));
        read.ShouldBeGreaterThanOrEqualTo(16);
    }

    private static bool IsCsc1001(Finding finding) => finding.Result.RuleId == "CSC1001";

    private static string Renamed(string @case, string caseId) =>
        @case.ReplaceLineEndings(" ").Replace("\"caseId\": \"T1\"", $"\"caseId\": \"{caseId}\"").Replace("\"caseId\": \"T2\"", $"\"caseId\": \"{caseId}\"") + "\n";

    private static Evaluator Evaluator(Profile profile) => new(new CompiledProfile(profile), AsOf, WorkingDayCalendar.Default);

    /// <summary>Cases read from a reader that cannot be rewound; a second enumeration fails the test.</summary>
    private sealed class ReadOnce(string ndjson, bool deferParsing = false) : IEnumerable<CaseReadResult>
    {
        public int Enumerations { get; private set; }

        private int casesRead;

        /// <summary>Written by whichever core reads the next case.</summary>
        public int CasesRead => Volatile.Read(ref casesRead);

        public IEnumerator<CaseReadResult> GetEnumerator()
        {
            Enumerations++;
            Enumerations.ShouldBe(1, "the input was read a second time");
            return Read(new StringReader(ndjson));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<CaseReadResult> Read(TextReader once)
        {
            foreach (var read in new CaseFileReader { DeferParsing = deferParsing }.Read(once, "cases.ndjson"))
            {
                Interlocked.Increment(ref casesRead);
                yield return read;
            }
        }
    }
}
