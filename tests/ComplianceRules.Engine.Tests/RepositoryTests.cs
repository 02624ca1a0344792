namespace ComplianceRules.Engine.Tests;

public class RepositoryTests
{
    [Tag("discovery")]
    public class Zebra : Rule
    {
        public override void Define()
        {
            When().Exists<Customer>();
            Then().Do(ctx => ctx.Insert(new Observation("zebra")));
        }
    }

    [Tag("discovery"), Tag("second")]
    public class Aardvark : Zebra;

    [Tag("discovery")]
    public abstract class AbstractRule : Rule;

    [Tag("discovery")]
    public class NeedsArgument(int value) : Rule
    {
        public override void Define()
        {
            When().Exists<Customer>(c => c.Id == value);
            Then().Do(ctx => ctx.Insert(new Observation("never")));
        }
    }

    [Fact]
    public void Loading_an_assembly_finds_concrete_rules_and_filters_them()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(RepositoryTests).Assembly).Where(r => r.Tags.Contains("discovery")));

        repository.GetRules().Select(r => r.RuleType).ShouldBe([typeof(Aardvark), typeof(Zebra)]);
    }

    [Fact]
    public void Rules_are_ordered_by_type_name_and_named_by_it_by_default()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(Zebra)));
        repository.Load(x => x.From(typeof(Aardvark), typeof(Zebra)));

        var rules = repository.GetRules();

        rules.Select(r => r.Name).ShouldBe([typeof(Aardvark).FullName, typeof(Zebra).FullName]);
        rules[0].Tags.ShouldBe(["discovery", "second"], ignoreOrder: true);
        rules[0].Priority.ShouldBe(0);
        rules[0].Description.ShouldBe("");
        repository.Compile().Rules.ShouldBe(rules);
    }

    [Fact]
    public void Loading_an_unusable_type_explicitly_is_an_error()
    {
        Should.Throw<ArgumentException>(() => new RuleRepository().Load(x => x.From(typeof(NeedsArgument))));
        Should.Throw<ArgumentException>(() => new RuleRepository().Load(x => x.From(typeof(Customer))));
    }
}
