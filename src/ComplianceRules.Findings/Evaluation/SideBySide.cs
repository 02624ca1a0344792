using System.Collections.Concurrent;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>One case as read (parsed), and its findings under each evaluator (in the evaluators' order, engine order within).</summary>
public sealed record CaseUnderProfiles(CaseReadResult Read, IReadOnlyList<IReadOnlyList<Finding>> Findings);

/// <summary>
/// Evaluates each case under several profiles while it is in memory, so the input is read once
/// however many profiles are compared (<c>compliance tune</c>, <c>compliance diff</c>). One thread
/// reads the cases and hands them, in batches, to every core, which parses any left unparsed; the
/// caller gets them back in input order. Each evaluator's rule set was compiled once, before the
/// first case. Streams: reading waits while a few batches per core are in flight, so memory holds
/// those, never the input.
/// </summary>
public static class SideBySide
{
    public static IEnumerable<CaseUnderProfiles> Evaluate(IEnumerable<CaseReadResult> cases, IReadOnlyList<Evaluator> evaluators)
    {
        // Batches and queue depth as the check's pipeline has them, a core taking the place of an evaluator thread.
        using var stop = new CancellationTokenSource();
        using var inFlight = new BlockingCollection<Task<CaseUnderProfiles[]>>(Check.BatchesInFlightPerThread * Environment.ProcessorCount);
        var reader = Check.Stage(
            () =>
            {
                foreach (var batch in cases.Chunk(Check.CasesPerBatch))
                {
                    // A line left unparsed (CaseFileReader.DeferParsing) is parsed on the core that evaluates it.
                    inFlight.Add(Task.Run(() => Array.ConvertAll(batch, read => UnderEach(read.Parsed(), evaluators))), stop.Token);
                }
            },
            inFlight.CompleteAdding);
        try
        {
            // GetResult throws a failure (a calendar without D's year, the input unreadable) as itself,
            // as a serial loop would, though without the cases of its own batch before it: the
            // commands stop with exit 2 and write nothing then.
            foreach (var evaluated in inFlight.GetConsumingEnumerable())
            {
                foreach (var @case in evaluated.GetAwaiter().GetResult())
                {
                    yield return @case;
                }
            }

            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (a failure, or a caller that had enough): nothing outlives the call, and
            // what the other threads met meanwhile is not the failure being reported.
            stop.Cancel();
            WaitQuietly(reader);
            WaitQuietly([.. inFlight]); // all there is: the reader has stopped adding
        }
    }

    private static void WaitQuietly(params Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
        }
    }

    private static CaseUnderProfiles UnderEach(CaseReadResult read, IReadOnlyList<Evaluator> evaluators)
    {
        var findings = new IReadOnlyList<Finding>[evaluators.Count];
        for (var i = 0; i < evaluators.Count; i++)
        {
            findings[i] = evaluators[i].Evaluate(read);
        }

        return new CaseUnderProfiles(read, findings);
    }
}

/// <summary>How many cases a comparison read: cases read = evaluated + rejected, as in findings.json's summary.</summary>
public sealed class CaseCount
{
    public int Evaluated { get; private set; }
    public int Rejected { get; private set; }
    public int Read => Evaluated + Rejected;

    public void Count(CaseReadResult read)
    {
        if (read is RejectedCase)
        {
            Rejected++;
        }
        else
        {
            Evaluated++;
        }
    }
}
