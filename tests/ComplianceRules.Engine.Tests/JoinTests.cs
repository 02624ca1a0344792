namespace ComplianceRules.Engine.Tests;

public class JoinTests
{
    public class CustomerOrderJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation($"{customer.Id}/{order.Amount}")));
        }
    }

    /// <summary>Same join written so the engine cannot recognise it: a nested-loop filter.</summary>
    public class CustomerOrderFilterJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId.Equals(customer.Id));
            Then().Do(ctx => ctx.Insert(new Observation($"{customer.Id}/{order.Amount}")));
        }
    }

    /// <summary>Key on the right-hand side, a string key and a residual filter.</summary>
    public class NameJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Customer namesake = null!;
            When()
                .Match(() => customer, c => c.Id < 100)
                .Match(() => namesake, n => customer.Name == n.Name, n => n.Id != customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation($"{customer.Id}~{namesake.Id}")));
        }
    }

    public sealed record Account(Customer Owner);

    /// <summary>== on a class without an operator is reference equality, even for records' value-equal copies.</summary>
    public class ReferenceJoin : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Account account = null!;
            When()
                .Match(() => customer)
                .Match(() => account, a => (object)a.Owner == customer);
            Then().Do(ctx => ctx.Insert(new Observation("owner", customer)));
        }
    }

    [Fact]
    public void Equality_join_pairs_each_fact_with_its_partners()
    {
        var session = Engine.Session(typeof(CustomerOrderJoin));
        session.InsertAll([new Customer(1), new Customer(2), new Order(1, 10), new Order(1, 11), new Order(3, 12)]);

        session.Fire().ShouldBe(2);

        session.Query<Observation>().Select(o => o.Label).ShouldBe(["1/10", "1/11"]);
    }

    [Fact]
    public void Equality_join_uses_the_hash_index_instead_of_a_nested_loop()
    {
        const int count = 10_000;
        var session = Engine.Session(typeof(CustomerOrderJoin));
        for (var i = 0; i < count; i++)
        {
            session.Insert(new Customer(i));
            session.Insert(new Order(i, i));
        }

        session.Fire().ShouldBe(count);

        // A nested loop would evaluate the join condition count² = 10^8 times.
        session.ConditionEvaluations().ShouldBe(0);
    }

    [Fact]
    public void Unrecognised_join_condition_is_evaluated_for_every_pair()
    {
        var session = Engine.Session(typeof(CustomerOrderFilterJoin));
        for (var i = 0; i < 100; i++)
        {
            session.Insert(new Customer(i));
            session.Insert(new Order(i, i));
        }

        session.Fire().ShouldBe(100);

        session.ConditionEvaluations().ShouldBe(100 * 100);
    }

    [Fact]
    public void Index_follows_inserts_and_retracts_after_it_was_built()
    {
        var session = Engine.Session(typeof(CustomerOrderJoin));
        var early = new Order(1, 1);
        session.InsertAll([new Customer(1), early]);
        session.Fire().ShouldBe(1);

        var late = new Order(1, 2);
        session.Insert(late);
        session.Insert(new Customer(2));
        session.Insert(new Order(2, 3));
        session.Fire().ShouldBe(2);

        session.Query<Observation>().Select(o => o.Label).ShouldBe(["1/1", "1/2", "2/3"]);
    }

    [Fact]
    public void A_reused_session_fills_its_join_indexes_from_the_next_case_alone()
    {
        // A factory reuses a disposed session, and the session its emptied indexes, buckets and
        // null-key bucket included: nothing of the first case may join with the second's facts.
        var factory = Engine.Compile(typeof(CustomerOrderJoin), typeof(NameJoin));
        using (var first = factory.CreateSession())
        {
            first.InsertAll([new Customer(1, Name: "ann"), new Customer(2, Name: "ann"), new Customer(3, Name: null), new Customer(4, Name: null), new Order(1, 10), new Order(2, 11)]);
            first.Fire();
            first.Query<Observation>().Select(o => o.Label).ShouldBe(["1/10", "2/11", "1~2", "2~1", "3~4", "4~3"], ignoreOrder: true);
        }

        // Alone in its case, customer 1 ("ann") has no namesake and customer 5 (no name) no partner.
        using var second = factory.CreateSession();
        second.InsertAll([new Customer(1, Name: "ann"), new Customer(5, Name: null), new Order(1, 12)]);
        second.Fire().ShouldBe(1);
        second.Query<Observation>().Select(o => o.Label).ShouldBe(["1/12"]);
    }

    [Fact]
    public void A_reused_session_that_indexed_many_keys_joins_the_next_case_correctly()
    {
        // 300 keys is past what an emptied index keeps its table for; the next case starts a new one.
        var factory = Engine.Compile(typeof(CustomerOrderJoin));
        using (var first = factory.CreateSession())
        {
            for (var id = 0; id < 300; id++)
            {
                first.InsertAll([new Customer(id), new Order(id, id)]);
            }

            first.Fire().ShouldBe(300);
        }

        using var second = factory.CreateSession();
        second.InsertAll([new Customer(7), new Order(7, 1), new Order(8, 2)]);
        second.Fire().ShouldBe(1);
        second.Query<Observation>().Select(o => o.Label).ShouldBe(["7/1"]);
    }

    [Fact]
    public void String_join_with_residual_filter_and_null_keys()
    {
        var session = Engine.Session(typeof(NameJoin));
        session.InsertAll([new Customer(1, Name: "ann"), new Customer(2, Name: "bob"), new Customer(3, Name: "ann"), new Customer(4, Name: null), new Customer(5, Name: null)]);

        session.Fire();

        session.Query<Observation>().Select(o => o.Label).ShouldBe(["1~3", "3~1", "4~5", "5~4"]);
    }

    [Fact]
    public void Reference_join_does_not_confuse_value_equal_records()
    {
        var session = Engine.Session(typeof(ReferenceJoin));
        var owner = new Customer(1);
        var lookalike = new Customer(1);
        session.InsertAll([owner, lookalike, new Account(owner)]);

        session.Fire().ShouldBe(1);

        session.Query<Observation>().ShouldHaveSingleItem().Value.ShouldBeSameAs(owner);
    }
}
