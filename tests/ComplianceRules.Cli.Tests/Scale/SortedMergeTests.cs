using ComplianceRules.Findings.Reporting;

namespace ComplianceRules.Cli.Tests.Scale;

/// <summary>The k-way merge that reads a check's runs back in cli.md's order.</summary>
public sealed class SortedMergeTests
{
    [Fact]
    public void Every_item_comes_once_in_order_and_equal_items_in_the_order_of_their_sources()
    {
        // Keys compared, tags not: equal keys from several sources, sources of unequal lengths, an empty one.
        (int Key, string Tag)[][] sources =
        [
            [(1, "a1"), (4, "a4"), (4, "a4'"), (9, "a9")],
            [],
            [(1, "c1"), (2, "c2"), (4, "c4"), (10, "c10"), (11, "c11")],
            [(0, "d0"), (4, "d4")],
        ];
        var byKey = Comparer<(int Key, string Tag)>.Create((x, y) => x.Key.CompareTo(y.Key));

        var merged = SortedMerge.Merge(sources, byKey).Select(item => item.Tag);

        merged.ShouldBe(["d0", "a1", "c1", "c2", "a4", "a4'", "c4", "d4", "a9", "c10", "c11"]);
    }
}
