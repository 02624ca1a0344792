using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>Merging spilled runs on a thread of its own while findings.json is written: the same items, the same order, no thread left behind.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Gives_every_item_in_order_across_many_chunks_and_a_last_partial_one()
    {
        // 5,000 items: four chunks of 1,024 and one of 904.
        ReadAhead.Of(Enumerable.Range(0, 5_000)).ShouldBe(Enumerable.Range(0, 5_000));
        ReadAhead.Of(Enumerable.Empty<int>()).ShouldBeEmpty();
    }

    [Fact]
    public void Produces_on_another_thread()
    {
        var reader = Environment.CurrentManagedThreadId;
        int? producer = null;
        IEnumerable<int> Source()
        {
            producer = Environment.CurrentManagedThreadId;
            yield return 1;
        }

        ReadAhead.Of(Source()).ShouldBe([1]);
        producer.ShouldNotBeNull().ShouldNotBe(reader);
    }

    [Fact]
    public void A_failing_source_gives_the_items_before_the_failure_then_throws_its_exception()
    {
        IEnumerable<int> Source()
        {
            for (var item = 0; item < 2_000; item++)
            {
                yield return item;
            }

            throw new IOException("spill file truncated");
        }

        var read = new List<int>();
        var failure = Should.Throw<IOException>(() =>
        {
            foreach (var item in ReadAhead.Of(Source()))
            {
                read.Add(item);
            }
        });

        failure.Message.ShouldBe("spill file truncated");
        read.ShouldBe(Enumerable.Range(0, 2_000));
    }

    [Fact]
    public void Stopping_early_stops_and_disposes_the_source_before_the_enumeration_is_disposed()
    {
        var produced = 0;
        var disposed = false;
        IEnumerable<int> Endless()
        {
            try
            {
                while (true)
                {
                    yield return produced++;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        ReadAhead.Of(Endless()).Take(10).ShouldBe(Enumerable.Range(0, 10));

        // Take disposed the enumeration: the source was disposed by then, and no more was produced
        // than the chunks the queue holds, the one being filled and the one being read (6 × 1,024).
        disposed.ShouldBeTrue();
        var after = produced;
        after.ShouldBeLessThanOrEqualTo(6 * 1024);
        Thread.Sleep(50);
        produced.ShouldBe(after);
    }
}
