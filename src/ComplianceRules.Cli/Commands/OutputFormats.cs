using System.CommandLine;
using ComplianceRules.Findings.Reporting;
using ComplianceRules.Outputs;
using ComplianceRules.Rules.Catalog;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// The outputs <c>--format</c> asks for (findings.json always), each written whole or not at
/// all into the output folder. Each writer reads the report's findings once, front to back.
/// </summary>
public sealed class OutputFormats(IReadOnlySet<string> formats, Uri docsBase)
{
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string Html = "html";
    private static readonly string[] Known = [Json, Sarif, Html];

    /// <summary><c>--format LIST</c>: any of json, sarif, html, comma-separated.</summary>
    public static Option<IReadOnlySet<string>> Option() => new("--format")
    {
        Description = "Outputs to write besides findings.json, comma-separated: json, sarif, html",
        DefaultValueFactory = _ => new HashSet<string>([Json]),
        CustomParser = result =>
        {
            var names = result.Tokens
                .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var unknown in names.Where(n => !Known.Contains(n)))
            {
                result.AddError($"--format: unknown format '{unknown}'; expected any of {string.Join(", ", Known)}.");
            }

            return names;
        },
    };

    /// <summary>Whether a writer besides findings.json's reads the findings themselves (SARIF, HTML), so that a check must keep them.</summary>
    public bool ReadFindings => formats.Contains(Sarif) || formats.Contains(Html);

    /// <summary>Writes the outputs into <paramref name="directory"/>; returns their paths.</summary>
    /// <param name="rendered">The report's findings already rendered for findings.json (see <see cref="FindingsJson.Write"/>); null renders them.</param>
    public IReadOnlyList<string> Write(CheckReport report, string directory, RenderedFindings? rendered = null)
    {
        var written = new List<string>();
        void Output(string fileName, Action<TextWriter> write)
        {
            var path = Path.Combine(directory, fileName);
            OwnerOnlyFile.Write(path, write);
            written.Add(path);
        }

        Output(FindingsJson.FileName, writer => FindingsJson.Write(writer, report, rendered));
        if (formats.Contains(Sarif))
        {
            Output(SarifLog.FileName, writer => SarifLog.Write(writer, report, RuleCatalog.Default, docsBase, Environment.CurrentDirectory));
        }

        if (formats.Contains(Html))
        {
            Output(HtmlReport.FileName, writer => HtmlReport.Write(writer, report, RuleCatalog.Default, docsBase, directory));
        }

        return written;
    }
}
