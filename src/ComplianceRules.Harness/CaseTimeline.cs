using System.Collections;
using System.Text;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Evaluation;
using ComplianceRules.Rules.Catalog;
using ComplianceRules.Rules.Input;

namespace ComplianceRules.Harness;

/// <summary>
/// A failing fixture's timeline of one case for one rule: the dated facts the rule read, in date
/// order, and the deadlines it computed (anchor → due → event → outcome), as its chains recorded
/// them or, for a rule that computes one deadline directly, as it recorded that link with how it
/// was counted. Ids, kinds and dates only: never a name or free text.
/// </summary>
public static class CaseTimeline
{
    public static void Write(StringBuilder text, CaseTrace trace, string ruleId, DateOnly asOf)
    {
        var dated = DatedRecords.Of(trace.Case).ToDictionary(d => d.Record.Path, StringComparer.Ordinal);
        var read = RecordsRead(trace, ruleId).Where(dated.ContainsKey).ToArray();
        var heading = read.Length > 0
            ? $"{ruleId} on {trace.Case.CaseId}, as of {Iso(asOf)}: the dated facts it read"
            : $"{ruleId} on {trace.Case.CaseId}, as of {Iso(asOf)}: it matched no record of the case, so every dated fact of it";
        text.AppendLine($"  timeline: {heading}");

        var entries = (read.Length > 0 ? read.Select(path => dated[path]) : dated.Values)
            .SelectMany(record => record.Fields.Select(field => (field.Date, record.Record, field.Name)))
            .ToList();
        if (RuleCatalog.Default.Find(ruleId) is { RequiresDateOfBirth: true } && trace.Case.Child.DateOfBirth is { } birth)
        {
            entries.Add((birth, new DatedRecord { Date = birth, Path = "child" }, "dateOfBirth"));
        }

        foreach (var (date, record, field) in entries.OrderBy(e => e.Date).ThenBy(e => e.Record.Path, StringComparer.Ordinal))
        {
            var after = date > asOf ? " (after D: not yet happened)" : "";
            text.AppendLine($"    {Iso(date)}  {Name(record)} {field}{Kind(record)}{after}");
        }

        var chains = trace.Chains.Where(c => c.RuleId == ruleId).ToArray();
        if (chains.Length == 0)
        {
            text.AppendLine($"    ({ruleId} computed no deadline on {trace.Case.CaseId})");
        }

        for (var i = 0; i < chains.Length; i++)
        {
            // A rule's deadlines for one subject under one heading, though it traced them one by one (CSC4002, per due date).
            var chain = chains[i];
            if (i == 0 || chains[i - 1].SubjectId != chain.SubjectId)
            {
                text.AppendLine($"  deadlines of {ruleId}{(chain.SubjectId is null ? "" : $" for {chain.SubjectId}")}:");
            }

            foreach (var link in chain.Links)
            {
                text.AppendLine(link.Basis is { } basis
                    ? $"    {Iso(link.Anchor)} ({basis.Anchor}) → due {basis.Due} → {basis.Event} → {Outcome(link.Outcome)}"
                    : $"    {Iso(link.Anchor)} → due {DeadlineNotation.Date(link.Due)} → {MetBy(link)} → {Outcome(link.Outcome)}");
            }
        }
    }

    /// <summary>The paths of the case records <paramref name="ruleId"/> matched (directly, in a query result, or behind a derived fact) and those its deadlines read.</summary>
    private static IEnumerable<string> RecordsRead(CaseTrace trace, string ruleId)
    {
        var records = trace.Firings
            .Where(f => RuleCatalog.IdOf(f.Rule) == ruleId)
            .SelectMany(f => f.Facts)
            .SelectMany(fact => Records(fact.Value))
            .Concat(trace.Chains.Where(c => c.RuleId == ruleId).SelectMany(c => c.Events));
        return records.Select(r => r.Path).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<CaseRecord> Records(object? value) => value switch
    {
        CaseRecord record => [record],
        IDerivedFact derived => derived.Sources,
        IEnumerable many and not string => many.Cast<object?>().SelectMany(Records),
        _ => [],
    };

    private static string Name(CaseRecord record) =>
        record is IIdentifiedRecord identified ? $"{record.Path} {identified.Id}" : record.Path;

    /// <summary>The record's kind and the ids that link it, as the case file spells them.</summary>
    private static string Kind(CaseRecord record)
    {
        var kind = record switch
        {
            Allocation a => $"{Camel(a.Role)} {a.WorkerId}",
            Referral { Nfa: true } => "nfa",
            Assessment { ReferralId: { } referral } => $"referral {referral}",
            S47Enquiry { Outcome: { } outcome } => $"outcome {Camel(outcome)}",
            Conference c => c.S47Id is null ? Camel(c.Kind) : $"{Camel(c.Kind)}, s47 {c.S47Id}",
            CoreGroup { CpPlanId: { } plan } => $"plan {plan}",
            PlanAction a => $"plan {a.PlanId}",
            Visit v => v.Seen ? v.SeenAlone == true ? "seen alone" : "seen" : "not seen",
            ManagementOversight m => Camel(m.Event),
            LegalPlanningMeeting { Outcome: { } outcome } => Camel(outcome),
            PreProceedings { Outcome: { } outcome } => $"outcome {Camel(outcome)}",
            Placement p => string.Join(", ", new[] { p.WithParents ? "withParents" : null, p.LongTerm ? "longTerm" : null }.OfType<string>()),
            HealthAssessment h => Camel(h.Kind),
            _ => "",
        };
        return kind.Length == 0 ? "" : $" ({kind})";
    }

    private static string MetBy(TracedLink link) =>
        link.MetOn is { } metOn ? $"{link.MetBy?.Path ?? "event"} on {Iso(metOn)}" : "no event";

    private static string Outcome(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Met => "met",
        LinkOutcome.Late => "late",
        LinkOutcome.Overdue => "overdue",
        LinkOutcome.Missed => "missed",
        LinkOutcome.NotYetDue => "not yet due",
        _ => "period ended by then: not enforced",
    };

    private static string Iso(DateOnly date) => DeadlineNotation.Iso(date);

    private static string Camel<T>(T value) where T : struct, Enum => CamelCaseEnum<T>.Name(value);
}
