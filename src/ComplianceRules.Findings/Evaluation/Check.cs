using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// Evaluates every case read and gathers the findings in cli.md's order, as a pipeline: one thread
/// reads, <see cref="CheckOptions.Threads"/> parse what the reader left unparsed (an
/// <see cref="UnparsedCase"/>) and evaluate (a session per case), counting the summary and
/// cutting the findings into runs as they go, and the calling thread sorts and keeps each run;
/// a k-way merge reads the runs back for the writers. Bounded queues between the stages keep
/// memory to the work in flight plus a few runs: one being cut, one waiting, one being kept, and
/// while the spiller is behind, one more for each evaluator waiting to hand its full run over.
/// </summary>
public static class Check
{
    // Cases go between the stages in batches: a handoff (and the waiting and spinning on a queue
    // it may cost) per batch instead of per case. SideBySide batches the same way.
    internal const int CasesPerBatch = 16;

    // Enough queued work that no evaluator waits for the reader, few enough cases to keep memory small.
    internal const int BatchesInFlightPerThread = 4;

    // Batches the reader keeps while the rule set compiles (8,192 cases: a fraction of a second of
    // reading), so that it does not stop at the queue's bound before any evaluator takes from it.
    private const int StartupBacklog = 512;

    public static CheckReport Run(IEnumerable<CaseReadResult> cases, Evaluator evaluator, CheckOptions? options = null) =>
        Run(cases, () => evaluator, options);

    /// <summary>
    /// Like the other overload, but <paramref name="buildEvaluator"/> (compiling the rule set) runs
    /// on the calling thread while the reader has already started: reading needs no rules. When it
    /// throws, reading stops and its exception is the one thrown, whatever the reader met meanwhile.
    /// </summary>
    public static CheckReport Run(IEnumerable<CaseReadResult> cases, Func<Evaluator> buildEvaluator, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var threads = Math.Max(1, options.Threads);
        var runs = options.Runs ?? new InMemoryRuns();

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<Exception>();
        void Guard(Action stage)
        {
            try
            {
                stage();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Another stage failed first; its exception is the one to report.
            }
            catch (Exception failure)
            {
                failures.Enqueue(failure);
                stop.Cancel();
            }
        }

        using var toEvaluate = new BlockingCollection<List<(long Sequence, CaseReadResult Read)>>(threads * BatchesInFlightPerThread);

        // Sorting and spilling a run takes a while (rendering its findings.json entries): one run
        // waits here meanwhile, so that an evaluator with a run to hand over is seldom held up.
        using var toSpill = new BlockingCollection<List<SequencedFinding>>(boundedCapacity: 1);

        using var evaluating = new ManualResetEventSlim();
        var reader = Stage(() => Guard(() => ReadInto(toEvaluate, cases, options, evaluating, stop.Token)), toEvaluate.CompleteAdding);
        Evaluator evaluator;
        try
        {
            evaluator = buildEvaluator();
        }
        catch
        {
            stop.Cancel();
            reader.Wait();
            throw;
        }

        evaluating.Set();

        // The last evaluator to finish closes the queue itself: a continuation on the thread pool
        // would wait behind callers blocking pool threads (tests, tools running checks in parallel).
        var evaluatorsRunning = threads;
        var cut = new RunCutter(toSpill, options.RunSize);
        var evaluators = Enumerable.Range(0, threads)
            .Select(_ => Stage(
                () => Guard(() => EvaluateInto(cut, toEvaluate, evaluator, options.Progress, stop.Token)),
                () =>
                {
                    if (Interlocked.Decrement(ref evaluatorsRunning) == 0)
                    {
                        toSpill.CompleteAdding();
                    }
                }))
            .ToArray();

        Guard(() => Spill(toSpill, cut, runs, stop.Token));
        stop.Cancel(); // releases the other stages if this one stopped early
        Task.WaitAll([reader, .. evaluators]);
        if (failures.TryDequeue(out var first))
        {
            ExceptionDispatchInfo.Throw(first);
        }

        var findings = SortedMerge.Merge(runs.Runs, SequencedOrder.Instance).Select(sequenced => sequenced.Finding);
        return new CheckReport(evaluator.AsOf, evaluator.Profile, cut.Summary, findings, options.Shard);
    }

    /// <summary>A dedicated thread (stages block on their queues), with <paramref name="finish"/> run however it ends.</summary>
    internal static Task Stage(Action work, Action finish) => Task.Factory.StartNew(
        () =>
        {
            try
            {
                work();
            }
            finally
            {
                finish();
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private static void ReadInto(
        BlockingCollection<List<(long, CaseReadResult)>> toEvaluate,
        IEnumerable<CaseReadResult> cases,
        CheckOptions options,
        ManualResetEventSlim evaluating,
        CancellationToken stop)
    {
        var backlog = new Queue<List<(long, CaseReadResult)>>();
        void HandOverBacklog()
        {
            while (backlog.TryDequeue(out var early))
            {
                toEvaluate.Add(early, stop);
            }
        }

        void Hand(List<(long, CaseReadResult)> batch)
        {
            if (backlog.Count < StartupBacklog && !evaluating.IsSet)
            {
                backlog.Enqueue(batch);
                return;
            }

            HandOverBacklog();
            toEvaluate.Add(batch, stop);
        }

        // The sequence counts every case read, so a shard's cases keep the places they have in an unsharded run.
        long sequence = 0;
        var batch = new List<(long, CaseReadResult)>(CasesPerBatch);
        foreach (var read in cases)
        {
            options.Progress?.CountRead();
            if (options.Shard is null || options.Shard.Owns(read))
            {
                // Until the rule set is compiled no evaluator runs to parse a line, so the reader does.
                batch.Add((sequence, evaluating.IsSet ? read : read.Parsed()));
                if (batch.Count == CasesPerBatch)
                {
                    Hand(batch);
                    batch = new List<(long, CaseReadResult)>(CasesPerBatch);
                }
            }

            sequence++;
        }

        if (batch.Count > 0)
        {
            Hand(batch);
        }

        HandOverBacklog();
    }

    private static void EvaluateInto(
        RunCutter cut,
        BlockingCollection<List<(long Sequence, CaseReadResult Read)>> toEvaluate,
        Evaluator evaluator,
        CheckProgress? progress,
        CancellationToken stop)
    {
        foreach (var batch in toEvaluate.GetConsumingEnumerable(stop))
        {
            foreach (var (sequence, read) in batch)
            {
                // A line is parsed on the thread that evaluates it (CaseFileReader.DeferParsing).
                var parsed = read.Parsed();
                cut.Add(sequence, parsed, evaluator.Evaluate(parsed), stop);
                progress?.CountEvaluated();
            }
        }
    }

    /// <summary>Sorts each run and hands it to <paramref name="runs"/>, in the order they were cut, then the last one once every evaluator is done.</summary>
    private static void Spill(BlockingCollection<List<SequencedFinding>> toSpill, RunCutter cut, IFindingRuns runs, CancellationToken stop)
    {
        void Keep(List<SequencedFinding> run)
        {
            run.Sort(SequencedOrder.Instance);
            runs.Add(run);
        }

        foreach (var run in toSpill.GetConsumingEnumerable(stop))
        {
            Keep(run);
        }

        if (cut.TakeLast() is { Count: > 0 } last)
        {
            Keep(last);
        }
    }

    /// <summary>
    /// Counts each case and finding as the evaluators give them (findings.json's summary precedes
    /// its findings) and cuts the findings into runs of about <see cref="CheckOptions.RunSize"/>,
    /// handed on to be spilled. One run for all evaluators: it fills at the rate of all of them, so
    /// its findings are spilled before the collector promotes them (with a run per evaluator they
    /// lived twice as long, and a million cases peaked at 299 to 320 MB instead of 268). A case's findings
    /// always go into one run; within a run the engine's order breaks ties.
    /// </summary>
    private sealed class RunCutter(BlockingCollection<List<SequencedFinding>> toSpill, int runSize)
    {
        private readonly Lock gate = new();
        private readonly int runSize = Math.Max(1, runSize);
        private List<SequencedFinding> run = [];

        /// <summary>Complete once every evaluator is done.</summary>
        public Summary Summary { get; } = new();

        public void Add(long sequence, CaseReadResult read, IReadOnlyList<Finding> findings, CancellationToken stop)
        {
            List<SequencedFinding>? full = null;
            lock (gate)
            {
                if (read is RejectedCase)
                {
                    Summary.CountRejected();
                }
                else
                {
                    Summary.CountEvaluated();
                }

                for (var index = 0; index < findings.Count; index++)
                {
                    Summary.Count(findings[index]);
                    run.Add(new SequencedFinding(findings[index], sequence, index));
                }

                if (run.Count >= runSize)
                {
                    (full, run) = (run, []);
                }
            }

            // Outside the lock: while the spiller is behind, only this evaluator waits for it.
            if (full is not null)
            {
                toSpill.Add(full, stop);
            }
        }

        /// <summary>The run being cut, for the spiller once no evaluator adds to it any more.</summary>
        public List<SequencedFinding> TakeLast()
        {
            lock (gate)
            {
                (var last, run) = (run, []);
                return last;
            }
        }
    }
}
