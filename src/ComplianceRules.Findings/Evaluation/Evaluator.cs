using ComplianceRules.Engine;
using ComplianceRules.Facts.AsOf;
using ComplianceRules.Facts.Calendar;
using ComplianceRules.Facts.Deadlines;
using ComplianceRules.Facts.Model;
using ComplianceRules.Facts.Reading;
using ComplianceRules.Findings.Profiles;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Findings.Evaluation;

/// <summary>
/// Evaluates one case at a time as of D under a compiled profile; each case gets its own
/// session from the shared, compiled rule set. Thread-safe.
/// </summary>
public sealed class Evaluator
{
    private readonly CompiledProfile rules;

    public Evaluator(CompiledProfile rules, DateOnly asOf, WorkingDayCalendar calendar)
    {
        calendar.EnsureCovers(asOf);
        this.rules = rules;
        Dates = new DeadlineCalculator(calendar, rules.Profile.DayCounting, asOf);
    }

    public DeadlineCalculator Dates { get; }

    public DateOnly AsOf => Dates.AsOf;

    public Profile Profile => rules.Profile;

    /// <summary>The findings on one case as the reader gave it: a readable case's, or a rejected case's CSC0001.</summary>
    public IReadOnlyList<Finding> Evaluate(CaseReadResult read) => read switch
    {
        ReadCase readable => Evaluate(readable.Case),
        RejectedCase rejected => Reject(rejected),
        _ => throw new ArgumentException($"Unknown read result {read.GetType().Name}.", nameof(read)),
    };

    /// <summary>The findings on one readable case, in engine order (the caller sorts).</summary>
    public IReadOnlyList<Finding> Evaluate(CaseFile file) => Evaluate(file, trace: null).Findings;

    /// <summary>
    /// Evaluates one case and keeps what explains its findings: which rules fired on which facts,
    /// and every deadline they computed (chains, and single links). For the harness's failure timeline, not the nightly run.
    /// </summary>
    public CaseTrace Trace(CaseFile file) => Evaluate(file, new ChainTrace());

    private CaseTrace Evaluate(CaseFile file, ChainTrace? trace)
    {
        var team = rules.For(file.Team);
        using var session = team.Factory.CreateSession();
        CaseFacts.Insert(session, new CaseAsOf(file, Dates, Profile.LookbackMonths, trace));
        try
        {
            session.Fire();
        }
        catch (RuleExecutionException failure) when (failure.InnerException is CalendarException calendar)
        {
            // rules.md: a year the calendar lacks is an error of the run (exit 2) naming it, not a rule's crash.
            var where = file.Source is { } source ? $" ({source.File}:{source.Line})" : "";
            throw new CalendarException($"Case {file.CaseId}{where}: {calendar.Message}", calendar);
        }

        // The firings are read only when tracing: the session makes them when first asked for.
        return new CaseTrace(file, Report(session, team.Settings), trace is null ? [] : session.Firings, trace?.Chains ?? []);
    }

    /// <summary>The CSC0001 finding on a case that could not be read.</summary>
    public IReadOnlyList<Finding> Reject(RejectedCase rejected)
    {
        var defaults = rules.For(team: null);
        using var session = defaults.Factory.CreateSession();
        session.Insert(rejected);
        session.Fire();
        return Report(session, defaults.Settings);
    }

    private IReadOnlyList<Finding> Report(ISession session, EffectiveSettings settings)
    {
        List<Finding>? findings = null;
        foreach (var result in session.Query<RuleFinding>())
        {
            var rule = rules.Catalog.Find(result.RuleId)
                ?? throw new InvalidOperationException($"A rule reported {result.RuleId}, which is not in the catalogue.");
            var severity = settings.SeverityOf(rule);
            if (severity == Severity.None)
            {
                continue;
            }

            findings ??= [];
            findings.Add(new Finding(result, severity, rule.Category, Suppressions.Find(Profile, result, AsOf)));
        }

        return findings ?? (IReadOnlyList<Finding>)[];
    }
}

/// <summary>One case evaluated with tracing on: its findings, the rule firings (facts matched) and the deadlines computed.</summary>
public sealed record CaseTrace(CaseFile Case, IReadOnlyList<Finding> Findings, IReadOnlyList<RuleFiring> Firings, IReadOnlyList<TracedChain> Chains);
