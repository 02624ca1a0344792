namespace ComplianceRules.Rules.Catalog;

/// <summary>rules.md's severities: error (Act or regulation), warning (statutory guidance or a firm standard), info, none (off).</summary>
public enum Severity { None, Info, Warning, Error }

/// <summary>The categories of rules.md, spelled as findings and profiles spell them.</summary>
public enum RuleCategory { Input, ChildProtection, Legal, Oversight, Drift, Allocation, LookedAfter, Missing, CareLeavers }

/// <summary>`overdue`, `late`, `missed` for timeliness rules; `present` for state rules.</summary>
public enum FindingStatus { Present, Overdue, Late, Missed }

/// <summary>
/// Makes a rule a Roslyn-style diagnostic: its ID, title, category, default severity and source.
/// The help link is derived from the ID (<c>docs/rules/ID.md</c>), so it cannot drift.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DiagnosticAttribute(string id, string title, RuleCategory category, Severity defaultSeverity) : Attribute
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public RuleCategory Category { get; } = category;
    public Severity DefaultSeverity { get; } = defaultSeverity;

    /// <summary>The statutory or practice source, as rules.md names it.</summary>
    public string Source { get; init; } = "";
}

/// <summary>
/// The statuses a rule can report (rules.md: <c>overdue</c>, <c>late</c>, <c>missed</c> for
/// timeliness rules, <c>present</c> for state rules). <c>compliance test --coverage</c> counts a
/// rule covered when fixtures expect each of them; a test holds the rules to what they declare.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReportsAttribute(params FindingStatus[] statuses) : Attribute
{
    public IReadOnlyList<FindingStatus> Statuses { get; } = statuses;
}

/// <summary>
/// Marks a rule that needs the child's age: it does not run on a case without a date of birth,
/// and CSC0004 names it once per such case.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresDateOfBirthAttribute : Attribute;
