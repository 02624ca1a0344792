using System.Globalization;
using BenchmarkDotNet.Running;
using ComplianceRules.Benchmarks;
using ComplianceRules.Benchmarks.Floor;

// compliance-bench parse FILE                                 bench/run.sh (a): parse only
// compliance-bench floor FILE AS-OF [MAX-CASES] [PASSES]      bench/run.sh (c): engine vs hand-written, three rules
// compliance-bench floor-parts FILE AS-OF [MAX-CASES] [PASSES] where (c)'s engine time goes, piece by piece
// compliance-bench catalogue FILE AS-OF [MAX-CASES] [PASSES]   what (b) adds to parsing: the whole catalogue on parsed cases
// compliance-bench [BenchmarkDotNet arguments]                the engine micro-benchmarks (--filter '*', --list flat)
switch (args)
{
    case ["parse", var path]:
        ParseRun.Run(path, Console.Out);
        return 0;
    case ["floor", var path, var asOf, .. var rest]:
        FloorRun.Run(FloorCases(path, asOf, rest), Passes(rest, 3), Console.Out);
        return 0;
    case ["floor-parts", var path, var asOf, .. var rest]:
        FloorParts.Run(FloorCases(path, asOf, rest), Passes(rest, 15), Console.Out);
        return 0;
    case ["catalogue", var path, var asOf, .. var rest]:
        CatalogueRun.Run(path, Date(asOf), MaxCases(rest), Passes(rest, 9), Console.Out);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchCases).Assembly).Run(args);
        return 0;
}

// The floor's optional arguments: MAX-CASES (default 20,000), then PASSES.
static List<ComplianceRules.Facts.AsOf.CaseAsOf> FloorCases(string path, string asOf, string[] rest) => BenchCases.Read(path, Date(asOf), MaxCases(rest));

static DateOnly Date(string asOf) => DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);

static int MaxCases(string[] rest) => rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 20_000;

static int Passes(string[] rest, int otherwise) => rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : otherwise;
