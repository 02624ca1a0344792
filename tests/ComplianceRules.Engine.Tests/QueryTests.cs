namespace ComplianceRules.Engine.Tests;

public class QueryTests
{
    public class CollectVisits : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            IEnumerable<Visit> visits = null!;
            When()
                .Match(() => customer)
                .Query(() => visits, q => q.Match<Visit>(v => v.CustomerId == customer.Id).Collect());
            Then().Do(ctx => ctx.Insert(new Observation("visits", visits.Count())));
        }
    }

    public class CollectNonEmptyVisits : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            IEnumerable<Visit> visits = null!;
            When()
                .Match(() => customer)
                .Query(() => visits, q => q.Match<Visit>(v => v.CustomerId == customer.Id).Collect().Where(c => c.Any()));
            Then().Do(ctx => ctx.Insert(new Observation("visits", visits.Count())));
        }
    }

    public class VisitsByCustomer : Rule
    {
        public override void Define()
        {
            IGrouping<int, Visit> group = null!;
            When().Query(() => group, q => q.Match<Visit>(v => v.Seen).GroupBy(v => v.CustomerId));
            Then().Do(ctx => ctx.Insert(new Observation($"customer {group.Key}", group.Count())));
        }
    }

    public class SelectedAmounts : Rule
    {
        public override void Define()
        {
            IEnumerable<decimal> amounts = null!;
            var total = 0m;
            When()
                .Query(() => amounts, q => q.Match<Order>().Select(o => o.Amount).Where(a => a > 1).Collect())
                .Let(() => total, () => amounts.Sum())
                .Having(() => total >= 10);
            Then().Do(ctx => ctx.Insert(new Observation("total", total)));
        }
    }

    public sealed record Household(int Id, Customer[] Members);

    public class HouseholdMembers : Rule
    {
        public override void Define()
        {
            Customer member = null!;
            When().Query(() => member, q => q.Match<Household>().SelectMany(h => h.Members).Where(m => m.IsActive));
            Then().Do(ctx => ctx.Insert(new Observation("member", member.Id)));
        }
    }

    private static object?[] Values(ISession session, string label) =>
        [.. session.Query<Observation>().Where(o => o.Label == label).Select(o => o.Value)];

    [Fact]
    public void Collect_of_nothing_is_an_empty_collection_and_the_rule_fires()
    {
        var session = Engine.Session(typeof(CollectVisits));
        session.InsertAll([new Customer(1), new Customer(2), new Visit(2), new Visit(2)]);

        session.Fire().ShouldBe(2);

        Values(session, "visits").ShouldBe([0, 2]);
    }

    [Fact]
    public void Where_after_Collect_can_reject_the_empty_collection()
    {
        var session = Engine.Session(typeof(CollectNonEmptyVisits));
        session.InsertAll([new Customer(1), new Customer(2), new Visit(2)]);

        session.Fire().ShouldBe(1);

        Values(session, "visits").ShouldBe([1]);
    }

    [Fact]
    public void Collect_fires_again_when_the_collection_changes_but_not_when_it_does_not()
    {
        var session = Engine.Session(typeof(CollectVisits));
        session.InsertAll([new Customer(1), new Visit(1)]);
        session.Fire().ShouldBe(1);

        session.Insert(new Flag(1));
        session.Fire().ShouldBe(0);

        session.Insert(new Visit(1));
        session.Fire().ShouldBe(1);

        Values(session, "visits").ShouldBe([1, 2]);
    }

    [Fact]
    public void GroupBy_yields_one_result_per_group()
    {
        var session = Engine.Session(typeof(VisitsByCustomer));
        session.InsertAll([new Visit(1), new Visit(2), new Visit(1), new Visit(3, Seen: false), new Visit(1)]);

        session.Fire().ShouldBe(2);

        session.Query<Observation>().Select(o => (o.Label, o.Value)).ShouldBe([("customer 1", (object?)3), ("customer 2", 1)]);
    }

    [Fact]
    public void Select_Let_and_Having_work_together()
    {
        var session = Engine.Session(typeof(SelectedAmounts));
        session.InsertAll([new Order(1, 1), new Order(1, 4), new Order(2, 5)]);
        session.Fire().ShouldBe(0);

        session.Insert(new Order(3, 2));
        session.Fire().ShouldBe(1);

        Values(session, "total").ShouldBe([11m]);
    }

    [Fact]
    public void SelectMany_flattens_and_binds_each_element()
    {
        var session = Engine.Session(typeof(HouseholdMembers));
        session.Insert(new Household(1, [new Customer(1), new Customer(2, IsActive: false), new Customer(3)]));

        session.Fire().ShouldBe(2);

        Values(session, "member").ShouldBe([1, 3]);
    }
}
