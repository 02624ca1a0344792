namespace ComplianceRules.Engine.Tests;

public class ErrorTests
{
    // Invalid rules are generic so that scanning this assembly (RepositoryTests) skips them.
    [Name("Out of order")]
    public class AliasUsedBeforeBound<TMarker> : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            Order order = null!;
            When()
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Observation("never")));
        }
    }

    public class LetUsesLaterAlias<TMarker> : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            var id = 0;
            When()
                .Let(() => id, () => customer.Id)
                .Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Observation("never")));
        }
    }

    public class AliasIsNotAVariable<TMarker> : Rule
    {
        public override void Define()
        {
            When().Match(() => new Customer(1, true, "x"));
            Then().Do(ctx => ctx.Insert(new Observation("never")));
        }
    }

    [Name("Throwing condition")]
    public class ThrowingCondition : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer, c => c.Name!.Length > 0);
            Then().Do(ctx => ctx.Insert(new Observation("named")));
        }
    }

    [Name("Throwing action")]
    public class ThrowingAction : Rule
    {
        public override void Define()
        {
            Customer customer = null!;
            When().Match(() => customer);
            Then().Do(ctx => Fail(customer));
        }

        private static void Fail(Customer customer) => throw new InvalidOperationException($"cannot handle {customer.Id}");
    }

    [Fact]
    public void Alias_used_before_it_is_bound_names_rule_and_alias()
    {
        var error = Should.Throw<RuleDefinitionException>(() => new RuleRepository().Load(x => x.From(typeof(AliasUsedBeforeBound<object>))));

        error.RuleName.ShouldBe("Out of order");
        error.Message.ShouldContain("'customer'");
    }

    [Fact]
    public void Let_using_a_later_alias_is_rejected()
    {
        Should.Throw<RuleDefinitionException>(() => new RuleRepository().Load(x => x.From(typeof(LetUsesLaterAlias<object>))))
            .Message.ShouldContain("'customer'");
    }

    [Fact]
    public void Alias_must_name_a_captured_variable()
    {
        Should.Throw<RuleDefinitionException>(() => new RuleRepository().Load(x => x.From(typeof(AliasIsNotAVariable<object>))));
    }

    [Fact]
    public void Condition_failure_is_wrapped_with_the_rule()
    {
        var session = Engine.Session(typeof(ThrowingCondition));
        session.Insert(new Customer(1, Name: null));

        var error = Should.Throw<RuleExecutionException>(() => session.Fire());

        error.Rule.Name.ShouldBe("Throwing condition");
        error.Message.ShouldContain("Throwing condition");
        error.InnerException.ShouldBeOfType<NullReferenceException>();
    }

    [Fact]
    public void Action_failure_is_wrapped_with_the_rule()
    {
        var session = Engine.Session(typeof(ThrowingAction));
        session.Insert(new Customer(4));

        var error = Should.Throw<RuleExecutionException>(() => session.Fire());

        error.Rule.Name.ShouldBe("Throwing action");
        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("cannot handle 4");
        session.Firings.ShouldBeEmpty();
    }
}
