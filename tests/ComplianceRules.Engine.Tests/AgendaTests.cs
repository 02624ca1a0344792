namespace ComplianceRules.Engine.Tests;

public class AgendaTests
{
    public abstract class RecordingRule : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            var name = GetType().Name;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Observation(name, customer.Id)));
        }
    }

    public class A_Low : RecordingRule;

    [Priority(5)]
    public class B_High : RecordingRule;

    public class C_Low : RecordingRule;

    [Priority(-1)]
    public class D_Lowest : RecordingRule;

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    /// <summary>Changes the counter in place, then inserts a customer no rule's match lets through.</summary>
    [Priority(10)]
    public class BumpCounter : Rule
    {
        public override void Define()
        {
            Counter counter = null!;
            When().Match(() => counter, c => c.Value == 0);
            Then().Do(ctx => Bump(ctx, counter));
        }

        private static void Bump(IContext context, Counter counter)
        {
            counter.Value = 7;
            context.Insert(new Customer(2));
        }
    }

    /// <summary>Reports the counter's value as its Let read it when the rule was last evaluated.</summary>
    public class ReportCounter : Rule
    {
        public override void Define()
        {
            Counter counter = null!;
            Customer customer = null!;
            var seen = 0;
            When()
                .Match(() => counter)
                .Match(() => customer, c => c.Id == 1)
                .Let(() => seen, () => counter.Value);
            Then().Do(ctx => ctx.Insert(new Observation("seen", seen)));
        }
    }

    public class FlagEachCustomer : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Flag(customer.Id)));
        }
    }

    public class ReactToFlag : Rule
    {
        public override void Define()
        {
            Flag flag = null!;
            When().Match(() => flag);
            Then().Do(ctx => ctx.Insert(new Observation("flag seen", flag.CustomerId)));
        }
    }

    [Priority(5)]
    public class ReactToFlagAtOnce : Rule
    {
        public override void Define()
        {
            Flag flag = null!;
            When().Match(() => flag);
            Then().Do(ctx => ctx.Insert(new Observation("flag seen", flag.CustomerId)));
        }
    }

    [Priority(10)]
    public class BlockEveryone : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Block(customer.Id)));
        }
    }

    public class UnblockedCustomer : Rule
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

    [Priority(10)]
    public class CancelOrders : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order, o => o.Amount < 0);
            Then().Do(ctx => ctx.Retract(order));
        }
    }

    public class ShipOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Do(ctx => ctx.Insert(new Observation("shipped", order.Amount)));
        }
    }

    public class FlaggedCustomer : Rule
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

    [Fact]
    public void Higher_priority_fires_first_and_ties_fire_in_rule_then_fact_order()
    {
        var session = Engine.Session(typeof(D_Lowest), typeof(C_Low), typeof(B_High), typeof(A_Low));
        session.InsertAll([new Customer(2), new Customer(1)]);

        session.Fire().ShouldBe(8);

        session.Query<Observation>().Select(o => $"{o.Label}:{o.Value}").ShouldBe(
            ["B_High:2", "B_High:1", "A_Low:2", "A_Low:1", "C_Low:2", "C_Low:1", "D_Lowest:2", "D_Lowest:1"]);
    }

    [Fact]
    public void A_later_activation_of_higher_priority_fires_before_pending_lower_ones()
    {
        // Both customers' flags are pending at priority 0, D_Lowest's at -1. Flagging customer 1
        // makes a priority-5 activation, which goes ahead of the pending flag for customer 2.
        var session = Engine.Session(typeof(FlagEachCustomer), typeof(ReactToFlagAtOnce), typeof(D_Lowest));
        session.InsertAll([new Customer(1), new Customer(2)]);

        session.Fire().ShouldBe(6);

        session.FiredRuleNames().Select(n => n.Split('+')[^1]).ShouldBe(
            ["FlagEachCustomer", "ReactToFlagAtOnce", "FlagEachCustomer", "ReactToFlagAtOnce", "D_Lowest", "D_Lowest"]);
        session.Query<Observation>().Select(o => $"{o.Label}:{o.Value}").ShouldBe(["flag seen:1", "flag seen:2", "D_Lowest:1", "D_Lowest:2"]);
    }

    [Fact]
    public void Later_activations_of_equal_priority_fire_after_earlier_ones()
    {
        var session = Engine.Session(typeof(FlagEachCustomer), typeof(ReactToFlag));
        session.InsertAll([new Customer(1), new Customer(2)]);

        session.Fire().ShouldBe(4);

        session.FiredRuleNames().Select(n => n.Split('+')[^1]).ShouldBe(["FlagEachCustomer", "FlagEachCustomer", "ReactToFlag", "ReactToFlag"]);
    }

    [Fact]
    public void Forward_chaining_lets_a_rule_match_facts_inserted_by_another()
    {
        var session = Engine.Session(typeof(ReactToFlag), typeof(FlagEachCustomer));
        session.Insert(new Customer(7));

        session.Fire().ShouldBe(2);

        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("flag seen", 7));
    }

    [Fact]
    public void Pending_activation_is_dropped_when_a_Not_stops_matching()
    {
        var session = Engine.Session(typeof(BlockEveryone), typeof(UnblockedCustomer));
        session.Insert(new Customer(1));

        session.Fire().ShouldBe(1);

        session.Query<Observation>().ShouldBeEmpty();
        session.FiredRuleNames().ShouldHaveSingleItem().ShouldEndWith("BlockEveryone");
    }

    [Fact]
    public void Pending_activation_is_dropped_when_the_last_fact_its_pattern_needs_is_retracted()
    {
        // Both rules match the one order; CancelOrders (priority 10) fires first and retracts it.
        // ShipOrder's pattern then has no fact at all, and its pending activation must still go.
        var session = Engine.Session(typeof(CancelOrders), typeof(ShipOrder));
        session.Insert(new Order(1, -5));

        session.Fire().ShouldBe(1);

        session.FiredRuleNames().ShouldHaveSingleItem().ShouldEndWith("CancelOrders");
        session.Query<Observation>().ShouldBeEmpty();
    }

    [Fact]
    public void Pending_activation_is_dropped_when_its_fact_is_retracted()
    {
        var session = Engine.Session(typeof(CancelOrders), typeof(ShipOrder));
        session.InsertAll([new Order(1, -5), new Order(1, 5)]);

        session.Fire().ShouldBe(2);

        session.Query<Observation>().ShouldHaveSingleItem().Value.ShouldBe(5m);
        session.Query<Order>().ShouldHaveSingleItem().Amount.ShouldBe(5m);
    }

    [Fact]
    public void A_pending_match_found_again_fires_with_the_values_of_its_latest_evaluation()
    {
        // Both rules match at once, seen = 0. BumpCounter fires first (priority 10), sets the
        // counter to 7 and inserts customer 2, which makes ReportCounter be evaluated again: the
        // same counter and customer 1, so the same pending match, now with seen = 7.
        var session = Engine.Session(typeof(BumpCounter), typeof(ReportCounter));
        session.InsertAll([new Counter(), new Customer(1)]);

        session.Fire().ShouldBe(2);

        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("seen", 7));
    }

    [Fact]
    public void A_match_fires_once_even_when_its_rule_is_re_evaluated()
    {
        var session = Engine.Session(typeof(FlaggedCustomer));
        var customer = new Customer(1);
        session.InsertAll([customer, new Flag(1)]);
        session.Fire().ShouldBe(1);

        session.Insert(new Flag(1));
        session.Fire().ShouldBe(0);

        var flag = session.Query<Flag>().First();
        session.Retract(flag);
        session.Insert(flag);
        session.Fire().ShouldBe(0);
    }

    [Fact]
    public void Distinct_instances_are_distinct_matches_even_when_value_equal()
    {
        var session = Engine.Session(typeof(FlaggedCustomer));
        session.InsertAll([new Customer(1), new Customer(1), new Flag(1)]);

        session.Fire().ShouldBe(2);
    }

    [Fact]
    public void TryInsert_and_Insert_reject_the_same_instance_twice()
    {
        var session = Engine.Session(typeof(FlaggedCustomer));
        var customer = new Customer(1);

        session.TryInsert(customer).ShouldBeTrue();
        session.TryInsert(customer).ShouldBeFalse();
        session.TryInsert(new Customer(1)).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => session.Insert(customer));
        Should.Throw<ArgumentException>(() => session.Retract(new Customer(2)));
        session.Query<Customer>().Count().ShouldBe(2);
    }

    public class CopyFlags : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer);
            Then()
                .Do(ctx => ctx.InsertAll(new object[] { new Flag(customer.Id), new Flag(customer.Id) }))
                .Do(ctx => ctx.Insert(new Observation("duplicate accepted", ctx.TryInsert(ctx.Match.Facts[0].Value))));
        }
    }

    [Fact]
    public void Retracting_a_fact_can_make_a_Not_match_again()
    {
        var session = Engine.Session(typeof(UnblockedCustomer));
        var block = new Block(1);
        session.InsertAll([new Customer(1), block, new Block(1)]);
        session.Fire().ShouldBe(0);

        session.Retract(block);
        session.Fire().ShouldBe(0);

        session.Retract(session.Query<Block>().Single());
        session.Fire().ShouldBe(1);
    }

    [Fact]
    public void Actions_run_in_order_and_can_insert_many_facts()
    {
        var session = Engine.Session(typeof(CopyFlags), typeof(FlaggedCustomer));
        session.Insert(new Customer(3));

        session.Fire().ShouldBe(2);

        session.Query<Flag>().Count().ShouldBe(2);
        session.Query<Observation>().Select(o => (o.Label, o.Value)).ShouldBe([("duplicate accepted", (object?)false), ("flagged", 3)]);
    }

    public class ActiveCustomer : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer, c => c.IsActive);
            Then().Do(ctx => ctx.Insert(new Observation("active", customer.Id)));
        }
    }

    [Fact]
    public void Inserting_a_fact_only_re_evaluates_rules_that_use_its_type()
    {
        var session = Engine.Session(typeof(ActiveCustomer));
        session.InsertAll([new Customer(1), new Customer(2)]);
        session.Fire().ShouldBe(2);
        session.ConditionEvaluations().ShouldBe(2);

        session.InsertAll([new Flag(1), new Order(1)]);
        session.Fire().ShouldBe(0);
        session.ConditionEvaluations().ShouldBe(2);

        session.Insert(new Customer(3));
        session.Fire().ShouldBe(1);
        session.ConditionEvaluations().ShouldBe(5);
    }
}
