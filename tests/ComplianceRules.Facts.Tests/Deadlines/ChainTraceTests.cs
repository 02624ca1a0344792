using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using static ComplianceRules.Facts.Tests.TestCalendars;

namespace ComplianceRules.Facts.Tests.Deadlines;

/// <summary>The chain's observer sees exactly the links the chain returns; a trace files them under the rule and subject that ran them.</summary>
public sealed class ChainTraceTests
{
    [Fact]
    public void A_trace_records_each_link_with_the_record_that_met_it_under_its_rule_and_subject()
    {
        // A0 1 Sep: d = 11 Sep, met by visits[0] on 5 Sep. A 5 Sep: d = 15 Sep, met late by visits[1]
        // on 20 Sep. A 20 Sep: d = 30 Sep, after D = 25 Sep: not yet due.
        var visits = new[] { Visit("2026-09-05", 0), Visit("2026-09-20", 1) };
        var trace = new ChainTrace();
        var chain = new ChainDefinition<Visit>
        {
            FirstAnchor = Date("2026-09-01"),
            Deadline = link => DeadlineCalculator.Days(link.Anchor, 10),
            Events = visits,
            DateOf = visit => visit.Date,
        };

        var links = DeadlineChain.Run(chain, Date("2026-09-25"), trace.For("CSC1001", "CPP1"));

        var traced = trace.Chains.ShouldHaveSingleItem();
        (traced.RuleId, traced.SubjectId).ShouldBe(("CSC1001", "CPP1"));
        traced.Events.Select(e => e.Path).ShouldBe(["visits[0]", "visits[1]"]);
        traced.Links.Select(l => (l.Anchor, l.Due, l.Outcome, l.MetBy?.Path, l.MetOn)).ShouldBe(
        [
            (Date("2026-09-01"), Date("2026-09-11"), LinkOutcome.Met, "visits[0]", Date("2026-09-05")),
            (Date("2026-09-05"), Date("2026-09-15"), LinkOutcome.Late, "visits[1]", Date("2026-09-20")),
            (Date("2026-09-20"), Date("2026-09-30"), LinkOutcome.NotYetDue, null, null),
        ]);
        traced.Links.Select(l => (l.Index, l.Anchor, l.Due, l.Outcome, l.MetOn))
            .ShouldBe(links.Select(l => (l.Index, l.Anchor, l.Due, l.Outcome, l.MetOn)));
    }

    [Fact]
    public void A_deadline_computed_without_a_chain_is_recorded_as_a_chain_of_that_one_link_with_the_records_read()
    {
        var trace = new ChainTrace();
        var link = new TracedLink(0, Date("2026-09-01"), Date("2026-10-01"), LinkOutcome.Overdue, null, null,
            new LinkBasis("last supervision, supervisions[0]", "days(2026-09-01, 30) = 2026-10-01", "no supervision since"));

        trace.Deadline("CSC3001", subjectId: null, link, [null, Visit("2026-09-01", 0)]);

        var traced = trace.Chains.ShouldHaveSingleItem();
        (traced.RuleId, traced.SubjectId).ShouldBe(("CSC3001", (string?)null));
        traced.Events.Select(e => e.Path).ShouldBe(["visits[0]"]);
        traced.Links.ShouldBe([link]);
    }

    private static Visit Visit(string date, int index) => new() { Date = Date(date), Path = $"visits[{index}]" };
}
