using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Findings.Profiles;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>The rule set compiles while the reader is already reading; a failure to build the evaluator is the one reported.</summary>
public sealed class StartupTests
{
    // More cases than the queue to the evaluators holds on two threads (64), fewer than the reader keeps while the rules compile.
    private const int CasesReadBeforeTheRules = 500;

    [Fact]
    public void The_reader_reads_past_the_queue_bound_while_the_evaluator_is_built()
    {
        using var allRead = new ManualResetEventSlim();
        var compiled = new CompiledProfile(Profile.Default);

        var report = Check.Run(
            ReadCases(CasesReadBeforeTheRules, allRead),
            () =>
            {
                // Without the overlap the reader has not started yet; without the backlog it stops at the queue's bound.
                allRead.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue("every case is read before the evaluator exists");
                return new Evaluator(compiled, Cases.AsOf, WorkingDayCalendar.Default);
            },
            new CheckOptions { Threads = 2 });

        report.Summary.CasesEvaluated.ShouldBe(CasesReadBeforeTheRules);
        report.Findings.Select(f => f.Result.CaseId).Distinct().ShouldBe(Enumerable.Range(0, CasesReadBeforeTheRules).Select(CaseId));
    }

    [Fact]
    public void When_the_evaluator_cannot_be_built_reading_stops_and_that_failure_is_thrown_not_the_readers()
    {
        using var readerFailed = new ManualResetEventSlim();

        var thrown = Should.Throw<InvalidOperationException>(() => Check.Run(
            FailingAfter(3, readerFailed),
            () =>
            {
                readerFailed.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue("the reader fails first");
                throw new InvalidOperationException("the rules did not compile");
            }));

        thrown.Message.ShouldBe("the rules did not compile");
    }

    [Fact]
    public void An_endless_input_stops_being_read_when_the_evaluator_cannot_be_built()
    {
        Should.Throw<InvalidOperationException>(() => Check.Run(
            ReadCases(int.MaxValue, finished: null),
            () => throw new InvalidOperationException("the rules did not compile")));
    }

    private static string CaseId(int index) => $"S{index:D5}";

    private static IEnumerable<CaseReadResult> ReadCases(int count, ManualResetEventSlim? finished)
    {
        var reader = new CaseFileReader();
        for (var index = 0; index < count; index++)
        {
            foreach (var read in reader.Read(new StringReader(Cases.VisitedLate(CaseId(index)).ReplaceLineEndings(" ")), "cases.ndjson"))
            {
                yield return read;
            }
        }

        finished?.Set();
    }

    private static IEnumerable<CaseReadResult> FailingAfter(int count, ManualResetEventSlim failed)
    {
        foreach (var read in ReadCases(count, finished: null))
        {
            yield return read;
        }

        failed.Set();
        throw new InputException("missing.ndjson: no such file or directory");
    }
}
