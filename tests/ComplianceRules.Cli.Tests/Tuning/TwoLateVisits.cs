namespace ComplianceRules.Cli.Tests.Tuning;

/// <summary>
/// Two child protection cases for tuning CSC1001's <c>visit_interval_working_days</c>, as of Tue 2026-03-24.
/// Both plans start Mon 2026-03-02; counting working days inclusively from it (no bank holiday in March 2026):
/// day 10 = Fri 13 Mar, day 11 = Mon 16 Mar, day 15 = Fri 20 Mar, day 16 = Mon 23 Mar, day 20 = Fri 27 Mar.
/// <list type="bullet">
/// <item>T1 (Safeguarding East) is first visited on Mon 16 Mar, the 11th working day: late under 10 (due 13 Mar), on time under 15 and 20.</item>
/// <item>T2 (Disabled Children) is first visited on Mon 23 Mar, the 16th working day: late under 10 (due 13 Mar) and 15 (due 20 Mar), on time under 20.</item>
/// </list>
/// The next visits are not yet due at D under any of these values: the earliest, T1's under 10, is
/// wd(16 Mar, 10) = Fri 27 Mar, after D. So CSC1001 finds {T1 due 13 Mar, T2 due 13 Mar} under 10,
/// {T2 due 20 Mar} under 15 and nothing under 20.
/// </summary>
public static class TwoLateVisits
{
    public const string AsOf = "2026-03-24";
    public const string EastTeam = "Safeguarding East";
    public const string DisabledChildrenTeam = "Disabled Children";

    public static string T1 { get; } = Case("T1", EastTeam, "2026-03-16");

    public static string T2 { get; } = Case("T2", DisabledChildrenTeam, "2026-03-23");

    /// <summary>Both cases as one NDJSON file.</summary>
    public static string Ndjson => T1.ReplaceLineEndings(" ") + "\n" + T2.ReplaceLineEndings(" ") + "\n";

    private static string Case(string caseId, string team, string visit) => $$"""
        { "caseId": "{{caseId}}", "team": "{{team}}",
          "allocations": [ { "workerId": "SW017", "role": "socialWorker", "start": "2026-03-02" } ],
          "cpPlans": [ { "id": "CPP1", "start": "2026-03-02" } ],
          "visits": [ { "date": "{{visit}}" } ] }
        """;
}
