namespace ComplianceRules.Engine.Tests;

public class ThreadSafetyTests
{
    [Fact]
    public void Sessions_from_one_factory_run_in_parallel_with_correct_results()
    {
        var factory = Engine.Compile(typeof(JoinTests.CustomerOrderJoin), typeof(PatternTests.CustomerWithoutBlock), typeof(QueryTests.CollectVisits));
        var failures = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var session = factory.CreateSession();
            var customers = 1 + (i % 7);
            for (var c = 0; c < customers; c++)
            {
                session.Insert(new Customer(c));
                session.Insert(new Order(c, i));
                session.Insert(new Visit(c));
                if (c % 2 == 0)
                {
                    session.Insert(new Block(c));
                }
            }

            var unblocked = customers / 2;
            var expected = customers + unblocked + customers;
            var fired = session.Fire();
            var ordersSeen = session.Query<Observation>().Count(o => o.Label.EndsWith($"/{i}", StringComparison.Ordinal));
            if (fired != expected || ordersSeen != customers)
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.ShouldBe(0);
    }
}
