using Spectre.Console;

namespace ComplianceRules.Cli.Commands;

/// <summary>
/// A table for people: Spectre.Console's on a terminal, aligned plain text when the output is
/// redirected (a file, a pipe, a CI log), so that scripts and logs get no box-drawing or colour.
/// </summary>
public sealed class ResultTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public ResultTable AddRow(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public void Write(TextWriter output)
    {
        if (Console.IsOutputRedirected)
        {
            WritePlain(output);
            return;
        }

        var table = new Table().AddColumns(headers.Select(Markup.Escape).ToArray());
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
    }

    private void WritePlain(TextWriter output)
    {
        var widths = headers.Select((header, column) => rows.Select(r => r[column].Length).Append(header.Length).Max()).ToArray();
        void Line(IEnumerable<string> cells) =>
            output.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());

        Line(headers);
        Line(widths.Select(width => new string('-', width)));
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
