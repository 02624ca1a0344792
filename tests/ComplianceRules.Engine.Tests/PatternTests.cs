namespace ComplianceRules.Engine.Tests;

public class PatternTests
{
    public class CustomerWithoutBlock : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .Not<Block>(b => b.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation("unblocked", customer.Id)));
        }
    }

    public class CustomerWithFlag : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .Exists<Flag>(f => f.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation("flagged", customer.Id)));
        }
    }

    public class AllOrdersPaid : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .All<Order>(o => o.CustomerId == customer.Id, o => o.Paid, o => o.Amount > 0);
            Then().Do(ctx => ctx.Insert(new Observation("paid up", customer.Id)));
        }
    }

    public class NoBlocksAtAll : Rule
    {
        public override void Define()
        {
            When().Not<Block>();
            Then().Do(ctx => ctx.Insert(new Observation("no blocks")));
        }
    }

    public class ActiveCustomerWithFlag : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer, c => c.IsActive)
                .Exists<Flag>(f => f.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation("active and flagged", customer.Id)));
        }
    }

    [Fact]
    public void A_rule_is_not_searched_while_a_pattern_it_needs_has_no_fact()
    {
        var session = Engine.Session(typeof(ActiveCustomerWithFlag), typeof(CustomerWithoutBlock));
        session.InsertAll([new Customer(1), new Customer(2, IsActive: false), new Customer(3)]);

        // No flag: the first rule's Exists cannot hold, so its customers are not even tested for
        // IsActive. A Not needs no fact: every customer is unblocked.
        session.Fire().ShouldBe(3);
        session.ConditionEvaluations().ShouldBe(0);

        // With a flag the first rule is searched: IsActive for each of the three customers, and the
        // flag found through the (customer id) join index, which tests no condition.
        session.Insert(new Flag(1));
        session.Fire().ShouldBe(1);
        session.ConditionEvaluations().ShouldBe(3);
        Observed(session, "active and flagged").ShouldBe([1]);
    }

    public class AnyAnimal : Rule
    {
        public override void Define()
        {
            IAnimal animal = null!;
            When().Match(() => animal);
            Then().Do(ctx => ctx.Insert(new Observation(animal.Name)));
        }
    }

    public class AnonymousPattern : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When()
                .Match(() => customer)
                .Match<Order>(o => o.CustomerId == customer.Id);
            Then().Do(ctx => ctx.Insert(new Observation("has order", customer.Id)));
        }
    }

    private static object?[] Observed(ISession session, string label) =>
        [.. session.Query<Observation>().Where(o => o.Label == label).Select(o => o.Value)];

    [Fact]
    public void Not_matches_only_when_no_fact_satisfies_it()
    {
        var session = Engine.Session(typeof(CustomerWithoutBlock));
        session.InsertAll([new Customer(1), new Customer(2), new Block(2), new Block(3)]);

        session.Fire();

        Observed(session, "unblocked").ShouldBe([1]);
    }

    [Fact]
    public void Not_with_no_facts_at_all_matches_once()
    {
        var session = Engine.Session(typeof(NoBlocksAtAll));

        session.Fire().ShouldBe(1);
        session.Insert(new Block(1));
        session.Fire().ShouldBe(0);
    }

    [Fact]
    public void Exists_matches_once_however_many_facts_satisfy_it()
    {
        var session = Engine.Session(typeof(CustomerWithFlag));
        session.InsertAll([new Customer(1), new Customer(2), new Flag(1), new Flag(1), new Flag(1)]);

        session.Fire().ShouldBe(1);

        Observed(session, "flagged").ShouldBe([1]);
    }

    [Fact]
    public void All_requires_every_selected_fact_to_pass_and_is_vacuously_true()
    {
        var session = Engine.Session(typeof(AllOrdersPaid));
        session.InsertAll([
            new Customer(1), new Order(1, 5, Paid: true), new Order(1, 6, Paid: true),
            new Customer(2), new Order(2, 5, Paid: true), new Order(2, 6, Paid: false),
            new Customer(3), new Order(3, 0, Paid: true),
            new Customer(4),
        ]);

        session.Fire();

        Observed(session, "paid up").ShouldBe([1, 4]);
    }

    [Fact]
    public void A_lazily_inserted_list_is_kept_exactly_when_some_pattern_can_see_its_type()
    {
        var session = Engine.Session(
            typeof(CustomerWithoutBlock), typeof(CustomerWithFlag), typeof(AllOrdersPaid), typeof(AnyAnimal), typeof(QueryTests.CollectVisits));
        object[] seen =
        [
            new Customer(1), // Match
            new Block(1),    // Not
            new Flag(1),     // Exists
            new Order(1, 5), // All
            new Visit(1),    // a query's source
            new Dog("Rex"),  // assignable to the IAnimal pattern
        ];
        object[] unseen = [new Observation("only ever inserted by actions"), new Derived(new Customer(2), 0)];

        foreach (var fact in seen.Concat(unseen))
        {
            session.InsertLazily(fact.GetType(), new[] { fact });
        }

        session.Query<object>().ShouldBe(seen);
    }

    [Fact]
    public void A_lazily_inserted_list_of_a_type_only_another_rule_set_matches_is_left_out()
    {
        var session = Engine.Session(typeof(CustomerWithFlag));
        var (flag, block, dog) = (new Flag(1), new Block(1), new Dog("Rex"));

        session.InsertLazily(typeof(Flag), new[] { flag });
        session.InsertLazily(typeof(Block), new[] { block });
        session.InsertLazily(typeof(Dog), new[] { dog });

        session.Query<object>().ShouldBe([flag]);
    }

    [Fact]
    public void Patterns_on_interfaces_match_every_implementation()
    {
        var session = Engine.Session(typeof(AnyAnimal));
        session.InsertAll([new Dog("rex"), new Cat("tom"), new Customer(1)]);

        session.Fire().ShouldBe(2);

        session.Query<Observation>().Select(o => o.Label).ShouldBe(["rex", "tom"]);
        session.Query<IAnimal>().Select(a => a.Name).ShouldBe(["rex", "tom"]);
    }

    [Fact]
    public void Anonymous_pattern_fires_once_per_matching_fact_and_has_an_empty_alias()
    {
        var session = Engine.Session(typeof(AnonymousPattern));
        var order = new Order(1, 1);
        session.InsertAll([new Customer(1), order, new Order(1, 2)]);

        session.Fire().ShouldBe(2);

        var evidence = session.Firings[0].Facts;
        evidence[1].Alias.ShouldBe("");
        evidence[1].Value.ShouldBeSameAs(order);
    }
}
