namespace ComplianceRules.Engine.Tests;

public class ParameterTests
{
    [Name("Big orders")]
    public class BigOrders : Rule
    {
        public override void Define()
        {
            var threshold = Parameter("threshold", 10, "Smallest amount that counts as big");
            var label = Parameter("label", "big", "Label of the observation");
            Order order = null!;
            var limit = 0;
            When()
                .Match(() => order, o => o.Amount >= threshold.Value)
                .Let(() => limit, () => threshold.Value * 2)
                .Having(() => order.Amount < limit + threshold.Value);
            Then().Do(ctx => ctx.Insert(new Observation(label.Value, limit)));
        }
    }

    public class Ratio : Rule
    {
        public override void Define()
        {
            var ratio = Parameter("ratio", 0.5, "A fraction");
            When().Exists<Order>(o => (double)o.Amount > ratio.Value);
            Then().Do(ctx => ctx.Insert(new Observation("ratio", ratio.Value)));
        }
    }

    [Name("Twice declared")]
    public class DuplicateParameter<TMarker> : Rule
    {
        public override void Define()
        {
            Parameter("days", 1, "first");
            Parameter("days", 2, "second");
            When().Exists<Order>();
            Then().Do(ctx => ctx.Insert(new Observation("never")));
        }
    }

    private static ISession SessionWith(Dictionary<string, object?> values) =>
        Engine.Compile(new DictionaryBinder(values), typeof(BigOrders)).CreateSession();

    private static Observation[] Run(ISession session)
    {
        session.InsertAll([new Order(1, 5), new Order(1, 10), new Order(1, 25), new Order(1, 40)]);
        session.Fire();
        return [.. session.Query<Observation>()];
    }

    [Fact]
    public void Defaults_apply_without_a_binder_value()
    {
        Run(SessionWith([])).ShouldBe([new Observation("big", 20), new Observation("big", 20)]);
    }

    [Fact]
    public void Bound_values_replace_defaults_in_conditions_Let_Having_and_actions()
    {
        Run(SessionWith(new() { ["threshold"] = 20, ["label"] = "huge" })).ShouldBe([new Observation("huge", 40), new Observation("huge", 40)]);
    }

    [Fact]
    public void Rule_sets_compiled_with_different_binders_are_independent()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(BigOrders)));
        var strict = repository.Compile(new DictionaryBinder(new() { ["threshold"] = 30 }));
        var lenient = repository.Compile(new DictionaryBinder(new() { ["threshold"] = 4 }));
        var defaults = repository.Compile();

        Run(strict.CreateSession()).ShouldBe([new Observation("big", 60)]);
        Run(lenient.CreateSession()).ShouldBe([new Observation("big", 8), new Observation("big", 8)]);
        Run(defaults.CreateSession()).ShouldBe([new Observation("big", 20), new Observation("big", 20)]);
        Run(strict.CreateSession()).ShouldBe([new Observation("big", 60)]);
    }

    [Fact]
    public void Value_outside_a_compiled_expression_is_the_default()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(BigOrders)));

        var parameters = repository.GetRules().Single().Parameters;

        parameters.Select(p => (p.Name, p.ValueType, p.DefaultValue, p.Description)).ShouldBe([
            ("threshold", typeof(int), (object?)10, "Smallest amount that counts as big"),
            ("label", typeof(string), "big", "Label of the observation"),
        ]);
        ((RuleParameter<int>)parameters[0]).Value.ShouldBe(10);
    }

    [Fact]
    public void Numeric_values_are_converted_when_nothing_is_lost()
    {
        Run(SessionWith(new() { ["threshold"] = 20L })).First().Value.ShouldBe(40);

        var session = Engine.Compile(new DictionaryBinder(new() { ["ratio"] = 3 }), typeof(Ratio)).CreateSession();
        session.Insert(new Order(1, 4));
        session.Fire().ShouldBe(1);
        session.Query<Observation>().Single().Value.ShouldBe(3.0);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData(2.5)]
    [InlineData(10_000_000_000L)]
    [InlineData(null)]
    public void Value_of_the_wrong_type_names_the_rule_and_parameter(object? value)
    {
        var error = Should.Throw<ArgumentException>(() => SessionWith(new() { ["threshold"] = value }));

        error.Message.ShouldContain("Big orders");
        error.Message.ShouldContain("threshold");
    }

    [Fact]
    public void Duplicate_parameter_names_are_a_definition_error()
    {
        var repository = new RuleRepository();

        var error = Should.Throw<RuleDefinitionException>(() => repository.Load(x => x.From(typeof(DuplicateParameter<object>))));

        error.RuleName.ShouldBe("Twice declared");
        error.Message.ShouldContain("days");
    }

    public enum Strictness
    {
        Lenient,
        Strict,
    }

    public class EnumParameter : Rule
    {
        public override void Define()
        {
            var strictness = Parameter("strictness", Strictness.Lenient, "How strict to be");
            When().Having(() => strictness.Value == Strictness.Strict);
            Then().Do(ctx => ctx.Insert(new Observation("strict")));
        }
    }

    [Theory]
    [InlineData("Strict", 1)]
    [InlineData(1, 1)]
    [InlineData(Strictness.Lenient, 0)]
    public void Enum_parameters_accept_names_and_numbers(object value, int expectedFirings)
    {
        var session = Engine.Compile(new DictionaryBinder(new() { ["strictness"] = value }), typeof(EnumParameter)).CreateSession();

        session.Fire().ShouldBe(expectedFirings);
    }
}
