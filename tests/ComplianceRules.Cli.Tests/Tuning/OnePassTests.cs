using System.Collections;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Diffing;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Tuning;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Tests.Tuning;

/// <summary>Tune and diff read their input once, however many profiles they compare, and stream it case by case.</summary>
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
    public void Each_case_is_evaluated_under_every_profile_before_the_next_is_read()
    {
        var cases = new ReadOnce(TwoLateVisits.Ndjson);
        using var evaluated = SideBySide.Evaluate(cases, [Evaluator(Profile.Default), Evaluator(Profile.Default)]).GetEnumerator();

        evaluated.MoveNext().ShouldBeTrue();

        // The first case came out evaluated twice while only it had been read: nothing is buffered ahead.
        cases.CasesRead.ShouldBe(1);
        evaluated.Current.Findings.Count.ShouldBe(2);
    }

    private static Evaluator Evaluator(Profile profile) => new(new CompiledProfile(profile), AsOf, WorkingDayCalendar.Default);

    /// <summary>Cases read from a reader that cannot be rewound; a second enumeration fails the test.</summary>
    private sealed class ReadOnce(string ndjson) : IEnumerable<CaseReadResult>
    {
        public int Enumerations { get; private set; }

        public int CasesRead { get; private set; }

        public IEnumerator<CaseReadResult> GetEnumerator()
        {
            Enumerations++;
            Enumerations.ShouldBe(1, "the input was read a second time");
            return Read(new StringReader(ndjson));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<CaseReadResult> Read(TextReader once)
        {
            foreach (var read in new CaseFileReader().Read(once, "cases.ndjson"))
            {
                CasesRead++;
                yield return read;
            }
        }
    }
}
