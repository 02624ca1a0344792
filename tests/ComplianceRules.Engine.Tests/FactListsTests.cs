namespace ComplianceRules.Engine.Tests;

/// <summary>
/// <see cref="ISession.InsertLazily(FactLists, object)"/>: an owner's lists go into working memory
/// as if each were inserted lazily in turn, but a list is read from its owner only when a pattern,
/// a query or a duplicate check first needs its type.
/// </summary>
public class FactListsTests
{
    /// <summary>A household's lists, each read through <see cref="Lists"/>, which counts the reads by type.</summary>
    public sealed class Household(Visit[] visits, Order[] orders, Dog[]? dogs = null)
    {
        public Visit[] Visits { get; } = visits;

        public Order[] Orders { get; } = orders;

        public Dog[] Dogs { get; } = dogs ?? [];
    }

    private readonly Dictionary<string, int> _reads = [];

    private FactLists<Household> Lists() => new FactLists<Household>()
        .Add(h => Counted("visits", h.Visits))
        .Add(h => Counted("orders", h.Orders))
        .Add(h => Counted("dogs", h.Dogs));

    private T[] Counted<T>(string list, T[] facts)
    {
        _reads[list] = _reads.GetValueOrDefault(list) + 1;
        return facts;
    }

    private int Reads(string list) => _reads.GetValueOrDefault(list);

    [Fact]
    public void The_lists_fire_the_same_rules_and_query_the_same_as_each_list_inserted_lazily_in_turn()
    {
        var household = new Household([new(2), new(1), new(2, Seen: false), new(2)], [new(1, 5), new(2, 6)], [new("Rex")]);
        var rules = new[] { typeof(WorkingMemoryTests.VisitedCustomer), typeof(WorkingMemoryTests.EveryOrder), typeof(PatternTests.AnyAnimal) };
        var oneByOne = Engine.Session(rules);
        oneByOne.InsertAll([new Customer(1), new Customer(2)]);
        oneByOne.InsertLazily(typeof(Visit), household.Visits);
        oneByOne.InsertLazily(typeof(Order), household.Orders);
        oneByOne.InsertLazily(typeof(Dog), household.Dogs);
        var together = Engine.Session(rules);
        together.InsertAll([new Customer(1), new Customer(2)]);
        together.InsertLazily(Lists(), household);

        // Customer 1 has one seen visit and customer 2 two; two orders; one dog, which the IAnimal
        // pattern sees (that list is read at once: the pattern keeps its own list of animals).
        together.Fire().ShouldBe(5);
        oneByOne.Fire().ShouldBe(5);
        together.FiredRuleNames().ShouldBe(oneByOne.FiredRuleNames());
        together.Query<Observation>().ShouldBe(oneByOne.Query<Observation>());
        together.Query<object>().ShouldBe(oneByOne.Query<object>());
    }

    [Fact]
    public void A_list_is_read_from_its_owner_only_when_a_pattern_first_needs_its_type_and_then_once()
    {
        var session = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        session.InsertLazily(Lists(), new Household([new(1), new(1)], [new(1)]));

        // No customer: the rule's first pattern lets nothing through to the visits. No pattern of
        // this rule set can see orders or dogs at all.
        session.Fire().ShouldBe(0);
        (Reads("visits"), Reads("orders"), Reads("dogs")).ShouldBe((0, 0, 0));

        session.Insert(new Customer(1));
        session.Fire().ShouldBe(1);
        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 2));
        session.Query<Visit>().Count().ShouldBe(2);
        session.Query<object>().Count().ShouldBe(4); // the two visits, the customer and the observation
        (Reads("visits"), Reads("orders"), Reads("dogs")).ShouldBe((1, 0, 0));
    }

    [Fact]
    public void Lists_inserted_after_a_fire_make_the_rules_that_see_them_evaluate_again()
    {
        var session = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        session.Insert(new Customer(1));
        // Looking customer 1's visits up by customer id builds the (still empty) join index.
        session.Fire().ShouldBe(0);

        // The unread visits reach the rule through that index.
        session.InsertLazily(Lists(), new Household([new(1)], []));

        session.Fire().ShouldBe(1);
        session.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 1));
    }

    [Fact]
    public void With_facts_of_their_types_already_in_working_memory_the_lists_go_in_as_each_would_alone()
    {
        // Each list is then inserted as InsertLazily(type, list) inserts it: fact by fact, so a
        // visit already in working memory is refused, as a second insertion of the same instance.
        var visit = new Visit(1);
        var session = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        session.Insert(visit);

        Should.Throw<ArgumentException>(() => session.InsertLazily(Lists(), new Household([visit], [])));

        var household = new Household([new(1)], []);
        var lists = Lists();
        var again = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        again.InsertLazily(lists, household);
        Should.Throw<ArgumentException>(() => again.InsertLazily(lists, household));
    }

    [Fact]
    public void A_reused_session_forgets_the_lists_the_last_case_left_unread()
    {
        var factory = Engine.Compile(typeof(WorkingMemoryTests.VisitedCustomer));
        var lists = Lists();
        using (var first = factory.CreateSession())
        {
            first.InsertLazily(lists, new Household([new(1), new(2)], []));
            first.Fire().ShouldBe(0);
        }

        // The same session again: customer 1 has no visits in this case.
        using var second = factory.CreateSession();
        second.Insert(new Customer(1));
        second.Fire().ShouldBe(0);
        second.Query<Visit>().ShouldBeEmpty();
        Reads("visits").ShouldBe(0);

        second.InsertLazily(lists, new Household([new(1)], []));
        second.Fire().ShouldBe(1);
        second.Query<Observation>().ShouldHaveSingleItem().ShouldBe(new Observation("customer 1", 1));
    }

    [Fact]
    public void A_null_list_is_an_error_naming_its_type_when_it_is_first_read()
    {
        var session = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        session.InsertLazily(Lists(), new Household(null!, []));
        session.Insert(new Customer(1));

        var error = Should.Throw<RuleExecutionException>(() => session.Fire());
        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("The list of Visit that Household holds is null.");
    }

    [Fact]
    public void Fact_lists_refuse_an_owner_of_another_type_a_type_that_is_not_sealed_a_type_twice_and_a_list_added_after_use()
    {
        var session = Engine.Session(typeof(WorkingMemoryTests.VisitedCustomer));
        var lists = Lists();

        Should.Throw<ArgumentException>(() => session.InsertLazily(lists, new Customer(1))).Message.ShouldStartWith("A Customer does not hold these fact lists.");
        Should.Throw<ArgumentException>(() => new FactLists<Household>().Add<IAnimal>(h => h.Dogs)).Message.ShouldStartWith("IAnimal is not sealed");
        Should.Throw<ArgumentException>(() => Lists().Add(h => h.Visits)).Message.ShouldStartWith("These fact lists already have a list of Visit.");

        session.InsertLazily(lists, new Household([], []));
        Should.Throw<InvalidOperationException>(() => lists.Add(h => new List<Flag>()));
        lists.FactTypes.ShouldBe([typeof(Visit), typeof(Order), typeof(Dog)]);
    }
}
