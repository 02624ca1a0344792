namespace ComplianceRules.Engine.Tests;

/// <summary>The authoring example from the engine's brief, end to end.</summary>
public class SampleRuleTests
{
    [Name("Sample"), Description("Active customers with big orders and enough visits"), Tag("sample"), Tag("example"), Priority(10)]
    public class SampleRule : Rule
    {
        public override void Define()
        {
            var interval = Parameter("visit_interval_working_days", 10, "Working days allowed between visits");
            Customer customer = null!;
            Order order = null!;
            IEnumerable<Visit> visits = null!;
            var total = 0;

            When()
                .Match(() => customer, c => c.IsActive)
                .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > interval.Value)
                .Exists<Flag>(f => f.CustomerId == customer.Id)
                .Not<Block>(b => b.CustomerId == customer.Id)
                .All<Order>(o => o.CustomerId == customer.Id, o => o.Paid)
                .Query(() => visits, q => q.Match<Visit>(v => v.CustomerId == customer.Id).Where(v => v.Seen).Collect())
                .Let(() => total, () => visits.Count())
                .Having(() => total > 2);
            Then()
                .Do(ctx => ctx.Insert(new Derived(customer, total)))
                .Do(ctx => Helper(ctx, customer, visits, interval.Value));
        }

        private static void Helper(IContext ctx, Customer customer, IEnumerable<Visit> visits, int interval) =>
            ctx.Insert(new Observation($"{customer.Id}:{visits.Count()}:{interval}"));
    }

    [Fact]
    public void Sample_rule_fires_only_for_the_customer_meeting_every_condition()
    {
        var session = Engine.Session(typeof(SampleRule));
        Customer good = new(1), blocked = new(2), unpaid = new(3), inactive = new(4, IsActive: false);
        foreach (var customer in new[] { good, blocked, unpaid, inactive })
        {
            session.Insert(customer);
            session.Insert(new Order(customer.Id, Amount: 50, Paid: customer != unpaid));
            session.Insert(new Flag(customer.Id));
            session.InsertAll([new Visit(customer.Id), new Visit(customer.Id), new Visit(customer.Id), new Visit(customer.Id, Seen: false)]);
        }

        session.Insert(new Block(blocked.Id));

        session.Fire().ShouldBe(1);

        session.Query<Derived>().ShouldHaveSingleItem().ShouldBe(new Derived(good, 3));
        session.Query<Observation>().ShouldHaveSingleItem().Label.ShouldBe("1:3:10");
        session.Firings.ShouldHaveSingleItem().Rule.Name.ShouldBe("Sample");
    }

    [Fact]
    public void Sample_rule_metadata_is_read_from_attributes_and_Define()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(SampleRule)));

        var rule = repository.GetRules().ShouldHaveSingleItem();
        rule.Name.ShouldBe("Sample");
        rule.Description.ShouldBe("Active customers with big orders and enough visits");
        rule.Tags.ShouldBe(["sample", "example"], ignoreOrder: true);
        rule.Priority.ShouldBe(10);
        rule.RuleType.ShouldBe(typeof(SampleRule));
        var parameter = rule.Parameters.ShouldHaveSingleItem();
        parameter.Name.ShouldBe("visit_interval_working_days");
        parameter.ValueType.ShouldBe(typeof(int));
        parameter.DefaultValue.ShouldBe(10);
        parameter.Description.ShouldBe("Working days allowed between visits");
    }
}
