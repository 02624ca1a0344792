using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Model;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Rules.Input;

[Diagnostic("CSC0002", "Dates out of order", RuleCategory.Input, Severity.Warning,
    Source = "case-file.md (data quality)")]
[Description("A record whose end comes before its start, that holds a date after the evaluation date, or that is dated more than 280 days before the child's birth is most likely mistyped, and the rules read it wrongly.")]
[Reports(FindingStatus.Present)]
public sealed class CSC0002DatesOutOfOrder : ComplianceRule
{
    /// <summary>A full-term pregnancy: work about an unborn child can start this long before the birth, no earlier.</summary>
    private const int DaysBeforeBirth = 280;

    public override void Define()
    {
        CaseAsOf @case = null!;

        When()
            .Match(() => @case);

        Then()
            .Do(ctx => ReportImpossibleDates(ctx, @case));
    }

    private static bool IsBeforeBirth(DateOnly date, DateOnly? dateOfBirth) =>
        dateOfBirth is { } birth && birth.DayNumber - date.DayNumber > DaysBeforeBirth;

    /// <summary>
    /// Keeps the records with an end before their start, or a date after D or long before the birth;
    /// nearly every record is in order, and those are looked at without allocating anything.
    /// </summary>
    private struct RecordsOutOfOrder(DateOnly asOf, DateOnly? dateOfBirth) : IDatedRecordVisitor
    {
        public List<DatedRecords>? Found { get; private set; }

        public void Visit(CaseRecord record, scoped ReadOnlySpan<DatedField> fields, DatedField? start, DatedField? end)
        {
            if (start is { } first && end is { } last && last.Date < first.Date || HasImpossibleDate(fields))
            {
                (Found ??= []).Add(new DatedRecords(record, fields.ToArray(), start, end));
            }
        }

        private readonly bool HasImpossibleDate(scoped ReadOnlySpan<DatedField> fields)
        {
            foreach (var field in fields)
            {
                if (field.Date > asOf || IsBeforeBirth(field.Date, dateOfBirth))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void ReportImpossibleDates(IContext context, CaseAsOf @case)
    {
        // The case as written: dates after D are exactly what this rule reports, and the view as of D drops them.
        var file = @case.Recorded;
        var dateOfBirth = file.Child.DateOfBirth;
        if (dateOfBirth is { } born && born > @case.AsOf)
        {
            var child = new DatedRecord { Path = "child.dateOfBirth", Date = born };
            Report(context, @case, FindingStatus.Present,
                $"Date of birth {Phrases.Date(born)} is after {Phrases.Date(@case.AsOf)}",
                arguments: new Dictionary<string, object?>
                {
                    ["datedAfterAsOf"] = new[] { "dateOfBirth" },
                    ["asOf"] = @case.AsOf,
                    ["dateOfBirth"] = born,
                },
                evidence: [child]);
        }

        var outOfOrder = new RecordsOutOfOrder(@case.AsOf, dateOfBirth);
        DatedRecords.Walk(file, ref outOfOrder);
        foreach (var dated in outOfOrder.Found ?? [])
        {
            var endBeforeStart = dated.Start is { } start && dated.End is { } end && end.Date < start.Date;

            var afterAsOf = dated.Fields.Where(f => f.Date > @case.AsOf).Select(f => f.Name).ToArray();
            var beforeBirth = dated.Fields.Where(f => IsBeforeBirth(f.Date, dateOfBirth)).Select(f => f.Name).ToArray();

            var problems = new List<string>(3);
            if (endBeforeStart)
            {
                problems.Add($"{dated.End!.Value.Name} {Phrases.Date(dated.End.Value.Date)} is before {dated.Start!.Value.Name} {Phrases.Date(dated.Start.Value.Date)}");
            }

            if (afterAsOf.Length > 0)
            {
                problems.Add($"{string.Join(", ", afterAsOf)} after {Phrases.Date(@case.AsOf)}");
            }

            if (beforeBirth.Length > 0)
            {
                problems.Add($"{string.Join(", ", beforeBirth)} more than {DaysBeforeBirth} days before the date of birth {Phrases.Date(dateOfBirth!.Value)}");
            }

            var subjectId = dated.Record is IIdentifiedRecord identified ? identified.Id : dated.Record.Path;
            Report(context, @case, FindingStatus.Present,
                $"Dates out of order in {dated.Record.Path}: {string.Join("; ", problems)}",
                subjectId,
                arguments: new Dictionary<string, object?>
                {
                    ["endBeforeStart"] = endBeforeStart ? new[] { dated.Start!.Value.Name, dated.End!.Value.Name } : null,
                    ["datedAfterAsOf"] = afterAsOf,
                    ["datedBeforeBirth"] = beforeBirth,
                    ["asOf"] = @case.AsOf,
                    ["dateOfBirth"] = dateOfBirth,
                },
                evidence: [dated.Record]);
        }
    }
}
