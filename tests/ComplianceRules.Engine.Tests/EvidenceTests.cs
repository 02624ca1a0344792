namespace ComplianceRules.Engine.Tests;

public class EvidenceTests
{
    public sealed record Seen(IRuleDefinition Rule, IReadOnlyList<MatchedFact> Facts);

    public class CustomerOrdersVisits : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            IEnumerable<Visit> visits = null!;
            var count = 0;
            When()
                .Match(() => customer)
                .Exists<Flag>(f => f.CustomerId == customer.Id)
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Match<Block>(b => b.CustomerId == customer.Id)
                .Query(() => visits, q => q.Match<Visit>(v => v.CustomerId == customer.Id).Collect())
                .Let(() => count, () => visits.Count());
            Then().Do(ctx => ctx.Insert(new Seen(ctx.Rule, ctx.Match.Facts)));
        }
    }

    [Fact]
    public void Firing_lists_bound_facts_and_query_results_in_When_order()
    {
        var session = Engine.Session(typeof(CustomerOrdersVisits));
        var customer = new Customer(1);
        var order = new Order(1, 3);
        var block = new Block(1);
        var visit = new Visit(1);
        session.InsertAll([customer, new Flag(1), order, block, visit, new Visit(2)]);

        session.Fire().ShouldBe(1);

        var firing = session.Firings.ShouldHaveSingleItem();
        firing.Rule.RuleType.ShouldBe(typeof(CustomerOrdersVisits));
        firing.Facts.Select(f => f.Alias).ShouldBe(["customer", "order", "", "visits"]);
        firing.Facts[0].Value.ShouldBeSameAs(customer);
        firing.Facts[1].Value.ShouldBeSameAs(order);
        firing.Facts[2].Value.ShouldBeSameAs(block);
        ((IEnumerable<Visit>)firing.Facts[3].Value).ShouldHaveSingleItem().ShouldBeSameAs(visit);
    }

    [Fact]
    public void Action_context_exposes_the_same_rule_and_facts()
    {
        var session = Engine.Session(typeof(CustomerOrdersVisits));
        session.InsertAll([new Customer(1), new Flag(1), new Order(1, 3), new Block(1)]);

        session.Fire();

        var seen = session.Query<Seen>().ShouldHaveSingleItem();
        var firing = session.Firings.Single();
        seen.Rule.ShouldBeSameAs(firing.Rule);
        seen.Facts.ShouldBe(firing.Facts);
    }
}
