using ComplianceRules.Engine.Runtime;

namespace ComplianceRules.Engine.Tests;

/// <summary>A session's table of the fact types it met: found by type, kept through growth, never confused.</summary>
public class FactTypeTableTests
{
    [Fact]
    public void Every_type_added_is_found_again_and_no_other_type_is_found()
    {
        // 100 types: the table starts with 64 slots and grows at half full, twice; types whose
        // method tables fall on the same slot probe onwards.
        var types = typeof(string).Assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition).Take(101).ToArray();
        var table = new FactTypeTable();
        var added = types[..100].Select((type, id) => table.Add(new FactType(id, type, []))).ToArray();

        types[..100].Select(type => table.Find(type)).ShouldBe(added);
        table.Find(types[100]).ShouldBeNull();
    }
}
