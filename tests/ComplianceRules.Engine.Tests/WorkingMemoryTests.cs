using System.Collections;

namespace ComplianceRules.Engine.Tests;

/// <summary>
/// Working memory: facts inserted one by one or lazily as a whole list, duplicate instances
/// (decided by scanning while a type's facts are few, by hashing when many), retraction, and
/// re-evaluation of rules with many matches.
/// </summary>
public class WorkingMemoryTests
{
    /// <summary>A customer with at least one seen visit: the visits are only needed once a customer matched.</summary>
    public class VisitedCustomer : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            IEnumerable<Visit> visits = null!;
            When()
                .Match(() => customer)
                .Query(() => visits, q => q.Match<Visit>(v => v.CustomerId == customer.Id, v => v.Seen).Collect())
                .Having(() => visits.Any());
            Then().Do(ctx => ctx.Insert(new Observation($"customer {customer.Id}", visits.Count())));
        }
    }

    public class EveryOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => ctx.Insert(new Observation("order", order.Amount)));
        }
    }

    [Fact]
    public void Lazily_inserted_facts_fire_the_same_rules_in_the_same_order_as_facts_inserted_one_by_one()
    {
        Visit[] visits = [new(2), new(1), new(2, Seen: false), new(2)];
        var eager = Engine.Session(typeof(VisitedCustomer));
        eager.InsertAll([new Customer(1), new Customer(2)]);
        eager.InsertAll(visits);
        var lazy = Engine.Session(typeof(VisitedCustomer));
        lazy.InsertAll([new Customer(1), new Customer(2)]);
        lazy.InsertLazily(typeof(Visit), visits);

        lazy.Fire().ShouldBe(eager.Fire());

        // Customer 1 has one seen visit, customer 2 two (its third is not seen); in customer order.
        lazy.Query<Observation>().ShouldBe([new Observation("customer 1", 1), new Observation("customer 2", 2)]);
        eager.Query<Observation>().ShouldBe(lazy.Query<Observation>());
    }

    [Fact]
    public void A_lazily_inserted_list_is_not_read_while_no_pattern_needs_its_facts()
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        var visits = new TripwireList([new Visit(1), new Visit(1)]);
        session.InsertLazily(typeof(Visit), visits);

        // No customer, so the rule's first pattern lets nothing through to the visits: not even
        // their count is read.
        session.Fire().ShouldBe(0);
        (visits.Reads, visits.CountReads).ShouldBe((0, 0));

        session.Insert(new Customer(1));
        session.Fire().ShouldBe(1);
        visits.Reads.ShouldBeGreaterThan(0);
        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 2));
    }

    [Fact]
    public void A_lazily_inserted_list_no_pattern_can_see_is_not_touched_at_all()
    {
        var session = Engine.Session(typeof(EveryOrder));
        var visits = new TripwireList([new Visit(1)]);

        session.InsertLazily(typeof(Visit), visits);
        session.Fire().ShouldBe(0);

        (visits.Reads, visits.CountReads).ShouldBe((0, 0));
        session.Query<Visit>().ShouldBeEmpty();
    }

    [Fact]
    public void A_lazily_inserted_list_or_array_is_read_in_place_and_any_other_list_is_copied_once()
    {
        // A List<T> or T[] is read where it is: a change made to it afterwards (which the caller
        // must not make) shows. Any other list is copied when first read, so it does not.
        var (first, second) = (new Visit(1), new Visit(2));
        var list = new List<Visit> { first };
        var array = new[] { first };
        var other = new TripwireList([first]);
        var sessions = new[] { list, array, (IReadOnlyList<object>)other }.Select(facts =>
        {
            var session = Engine.Session(typeof(VisitedCustomer));
            session.InsertLazily(typeof(Visit), facts);
            session.Query<Visit>().ShouldBe([first]);
            return session;
        }).ToArray();

        list[0] = second;
        array[0] = second;
        other.Replace(0, second);

        sessions.Select(session => session.Query<Visit>().Single()).ShouldBe([second, second, first]);
    }

    [Fact]
    public void A_null_in_a_lazily_inserted_list_is_an_error_when_the_list_is_first_read()
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        session.InsertLazily(typeof(Visit), new List<Visit> { new(1), null! });
        session.Insert(new Customer(1));

        var error = Should.Throw<RuleExecutionException>(() => session.Fire());
        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("holds null");
    }

    [Fact]
    public void Query_returns_lazily_inserted_facts_in_insertion_order_among_the_others()
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        var (first, second, third) = (new Visit(1), new Visit(2), new Visit(3));
        var customer = new Customer(9);
        session.Insert(customer);
        session.InsertLazily(typeof(Visit), new[] { first, second });
        session.Insert(third);

        session.Query<Visit>().ShouldBe([first, second, third]);
        session.Query<object>().ShouldBe([customer, first, second, third]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Facts_of_a_lazily_inserted_list_are_in_working_memory_for_duplicate_checks_and_retraction(bool withItsOwner)
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        var visits = new[] { new Visit(1), new Visit(1) };
        if (withItsOwner)
        {
            // Not read from the owner yet: the duplicate check and the retraction read it.
            session.InsertLazily(new FactLists<Visit[]>().Add(v => v), visits);
        }
        else
        {
            session.InsertLazily(typeof(Visit), visits);
        }

        session.TryInsert(visits[1]).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => session.InsertLazily(typeof(Visit), visits));
        session.Retract(visits[0]);
        session.Insert(new Customer(1));

        session.Fire().ShouldBe(1);
        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 1));
        session.Query<Visit>().ShouldBe([visits[1]]);
    }

    [Fact]
    public void A_fact_of_another_type_in_a_lazily_inserted_list_is_an_error_when_the_list_is_first_read()
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        session.InsertLazily(typeof(Visit), new object[] { new Visit(1), new Order(1) });
        session.Insert(new Customer(1));

        var error = Should.Throw<RuleExecutionException>(() => session.Fire());
        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("holds a Order");
    }

    [Fact]
    public void A_list_inserted_lazily_after_a_join_index_was_built_is_found_through_the_index()
    {
        var session = Engine.Session(typeof(JoinTests.CustomerOrderJoin));
        session.InsertAll([new Customer(1), new Customer(2)]);
        // The first Fire looks orders up by customer id, which builds the (still empty) index.
        session.Fire().ShouldBe(0);

        // No order is in working memory yet, so the list is deferred, not inserted fact by fact.
        session.InsertLazily(typeof(Order), new[] { new Order(2, 20), new Order(1, 30), new Order(3, 40) });

        // Customer 1's and customer 2's orders; there is no customer 3.
        session.Fire().ShouldBe(2);
        session.Query<Observation>().Select(o => o.Label).ShouldBe(["1/30", "2/20"]);
        session.ConditionEvaluations().ShouldBe(0);
    }

    [Fact]
    public void A_type_that_is_not_sealed_is_inserted_fact_by_fact()
    {
        var session = Engine.Session(typeof(VisitedCustomer));
        var visits = new TripwireList([new Visit(1)]);
        session.InsertLazily(typeof(object), visits);

        // Read at once: facts of many runtime types may hide behind object.
        visits.Reads.ShouldBeGreaterThan(0);
        session.Query<Visit>().ShouldHaveSingleItem();
    }

    [Fact]
    public void The_same_instance_is_still_refused_once_a_type_has_more_facts_than_are_scanned()
    {
        // 32 facts of a type are scanned by reference; from the 33rd a hash set decides.
        var session = Engine.Session(typeof(EveryOrder));
        var orders = Enumerable.Range(0, 40).Select(i => new Order(1, i)).ToArray();
        session.InsertAll(orders);

        orders.ShouldAllBe(order => !session.TryInsert(order));
        session.TryInsert(new Order(1, 0)).ShouldBeTrue();
        session.Retract(orders[35]);
        session.TryInsert(orders[35]).ShouldBeTrue();
        session.Query<Order>().Count().ShouldBe(41);
    }

    [Fact]
    public void A_rule_with_more_matches_than_are_scanned_fires_each_once_and_drops_those_that_stop_matching()
    {
        // 8 activations of a rule are found by scanning, more by key. BlockEveryone (priority 10)
        // fires first and blocks customers 1 to 20 one by one; each block re-evaluates
        // UnblockedCustomer, whose 20 pending activations are dropped one at a time. Customer 21 is
        // inserted after the first Fire and only then evaluated: it alone is unblocked... until
        // BlockEveryone blocks it too, so nothing of UnblockedCustomer ever fires.
        var session = Engine.Session(typeof(AgendaTests.BlockEveryone), typeof(AgendaTests.UnblockedCustomer));
        session.InsertAll(Enumerable.Range(1, 20).Select(id => new Customer(id)));
        session.Fire().ShouldBe(20);
        session.Query<Observation>().ShouldBeEmpty();

        session.Insert(new Customer(21));
        session.Fire().ShouldBe(1);
        session.FiredRuleNames().Distinct().ShouldBe([typeof(AgendaTests.BlockEveryone).FullName!]);
        session.Query<Block>().Select(b => b.CustomerId).ShouldBe(Enumerable.Range(1, 21));
    }

    [Fact]
    public void Matches_past_the_scanned_few_are_recognised_on_re_evaluation_and_never_fire_twice()
    {
        var session = Engine.Session(typeof(AgendaTests.FlaggedCustomer));
        session.InsertAll(Enumerable.Range(1, 20).SelectMany(id => new object[] { new Customer(id), new Flag(id) }));
        session.Fire().ShouldBe(20);

        // A second flag for every customer re-evaluates the rule: the same 20 matches, none new.
        session.InsertAll(Enumerable.Range(1, 20).Select(id => new Flag(id)));
        session.Fire().ShouldBe(0);
        session.Insert(new Customer(21));
        session.Insert(new Flag(21));
        session.Fire().ShouldBe(1);
        session.Query<Observation>().Select(o => o.Value).ShouldBe(Enumerable.Range(1, 21).Cast<object>());
    }

    [Fact]
    public void A_disposed_session_is_reused_empty_and_what_it_returned_stays_valid()
    {
        var factory = Engine.Compile(typeof(VisitedCustomer), typeof(EveryOrder));
        var first = factory.CreateSession();
        var customer = new Customer(1);
        first.InsertAll([customer, new Order(1, 5), new Order(1, 6)]);
        first.InsertLazily(typeof(Visit), new[] { new Visit(1) });
        first.Fire().ShouldBe(3);
        var firings = first.Firings;
        var observations = first.Query<Observation>();
        first.Dispose();

        // The factory hands the same session out again on this thread, as empty as a new one.
        var second = factory.CreateSession();
        second.ShouldBeSameAs(first);
        second.Query<object>().ShouldBeEmpty();
        second.Firings.ShouldBeEmpty();
        firings.Count.ShouldBe(3);
        observations.Count().ShouldBe(3);

        // The same instances are new facts to it, and fire again.
        second.TryInsert(customer).ShouldBeTrue();
        second.InsertLazily(typeof(Visit), new[] { new Visit(1), new Visit(1) });
        second.Fire().ShouldBe(1);
        second.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 2));
        second.Dispose();

        // A session of another factory is never handed out.
        Engine.Compile(typeof(EveryOrder)).CreateSession().ShouldNotBeSameAs(second);
    }

    [Fact]
    public void Firings_asked_for_between_two_Fire_calls_go_on_to_list_the_later_firings()
    {
        // The session makes the list when first asked for, and keeps it up to date from then on.
        var session = Engine.Session(typeof(EveryOrder));
        session.Insert(new Order(1, 5));
        session.Fire().ShouldBe(1);
        var firings = session.Firings;
        firings.Count.ShouldBe(1);

        session.Insert(new Order(1, 6));
        session.Fire().ShouldBe(1);

        firings.Select(firing => ((Order)firing.Facts.Single().Value).Amount).ShouldBe([5m, 6m]);
        session.Firings.ShouldBeSameAs(firings);
    }

    [Fact]
    public void A_reused_session_forgets_every_fact_and_match_the_last_case_left_in_it()
    {
        // A reset clears only what the last case used; this case uses buckets, join-free sealed
        // pattern types read from their own buckets, a retraction and a lazily inserted list.
        var factory = Engine.Compile(typeof(EveryOrder), typeof(VisitedCustomer));
        var order = new Order(1, 5);
        using (var first = factory.CreateSession())
        {
            var retracted = new Order(1, 7);
            first.InsertAll([new Customer(1), order, new Order(1, 6), retracted]);
            first.Retract(retracted);
            first.InsertLazily(typeof(Visit), new[] { new Visit(1) });
            first.Fire().ShouldBe(3); // orders 5 and 6, customer 1 with one visit
        }

        // The same order instance is new to the next case and fires again; nothing else of the
        // first case is left to fire (customer 2 has no visits).
        using var second = factory.CreateSession();
        second.InsertAll([new Customer(2), order]);
        second.Fire().ShouldBe(1);
        second.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("order", 5m));
        second.Query<Order>().ShouldBe([order]);
    }

    /// <summary>Counts how often a list of facts is read, to prove it was not.</summary>
    private sealed class TripwireList(object[] facts) : IReadOnlyList<object>
    {
        public int Reads { get; private set; }

        public int CountReads { get; private set; }

        public int Count
        {
            get
            {
                CountReads++;
                return facts.Length;
            }
        }

        public void Replace(int index, object fact) => facts[index] = fact;

        public object this[int index]
        {
            get
            {
                Reads++;
                return facts[index];
            }
        }

        public IEnumerator<object> GetEnumerator()
        {
            Reads++;
            return ((IEnumerable<object>)facts).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
