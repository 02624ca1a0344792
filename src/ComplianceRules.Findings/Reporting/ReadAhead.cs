using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using ComplianceRules.Findings.Evaluation;

namespace ComplianceRules.Findings.Reporting;

/// <summary>A sequence enumerated on a thread of its own, a few chunks ahead of the one reading it.</summary>
public static class ReadAhead
{
    // Chunks, not items, go between the threads: a handoff (and any wait it costs) per chunk.
    private const int ItemsPerChunk = 1024;
    private const int ChunksAhead = 4;

    /// <summary>
    /// The items of <paramref name="source"/> in its order, while its next items are already being
    /// produced on another thread (merging spilled runs while findings.json is being written).
    /// An exception of the source is thrown after the items before it. Stopping early stops the
    /// source and disposes it before the enumeration's own dispose returns.
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source)
    {
        using var chunks = new BlockingCollection<T[]>(ChunksAhead);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = Check.Stage(
            () =>
            {
                var chunk = new List<T>(ItemsPerChunk);
                void Hand()
                {
                    chunks.Add([.. chunk], stop.Token);
                    chunk.Clear();
                }

                try
                {
                    try
                    {
                        foreach (var item in source)
                        {
                            chunk.Add(item);
                            if (chunk.Count == ItemsPerChunk)
                            {
                                Hand();
                            }
                        }
                    }
                    catch (Exception sourceFailure) when (!stop.IsCancellationRequested)
                    {
                        failure = sourceFailure;
                    }

                    // The items before a failure still go to the reader, then the failure.
                    if (chunk.Count > 0)
                    {
                        Hand();
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The reader stopped early.
                }
            },
            chunks.CompleteAdding);

        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable())
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
