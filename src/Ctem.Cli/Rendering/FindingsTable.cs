using System.Globalization;
using Ctem.Core.Scoring.Risk;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>
/// The human view of findings: one line per finding at the console's width, never wrapped (columns drop out, then
/// text is cut with "…"), and a count line, also when there is nothing to list.
/// </summary>
public static class FindingsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<FindingView> findings)
    {
        if (findings.Count > 0)
        {
            var consoleWidth = console.Profile.Width;
            var (table, tableWidth) = Build(findings, consoleWidth);

            // On a console narrower than the kept columns at their minimum the table is wider than the console: the
            // terminal may fold its lines, but Spectre must not wrap cells to squeeze it in.
            console.Profile.Width = Math.Max(consoleWidth, tableWidth);
            try
            {
                console.Write(table);
            }
            finally
            {
                console.Profile.Width = consoleWidth;
            }
        }

        console.WriteLine(CountLine(findings));
    }

    /// <summary><c>91 finding(s): 0 critical, 3 high, 80 medium, 8 low.</c>, and how many are not assessed when some are not; <c>0 finding(s).</c></summary>
    public static string CountLine(IReadOnlyList<FindingView> findings)
    {
        if (findings.Count == 0)
        {
            return "0 finding(s).";
        }

        var byPriority = findings.CountBy(f => f.Risk?.Priority ?? Priority.Unspecified).ToDictionary();
        var levels = new[] { Priority.Critical, Priority.High, Priority.Medium, Priority.Low }
            .Select(p => $"{byPriority.GetValueOrDefault(p)} {p.ToString().ToLowerInvariant()}");
        var unassessed = byPriority.GetValueOrDefault(Priority.Unspecified) is > 0 and var count ? $", {count} not assessed" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{findings.Count} finding(s): {string.Join(", ", levels)}{unassessed}.");
    }

    private static (Table Table, int Width) Build(IReadOnlyList<FindingView> findings, int width)
    {
        var columns = FindingsTableColumns.All.Where(c => c.IsShownFor(findings)).ToList();
        var cells = findings.Select(f => columns.Select(c => TextCut.OneLine(c.Cell(f))).ToArray()).ToList();
        var demands = columns.Select((column, i) => ColumnDemand.For(
            column.Required, column.Rank, column.MinWidth, column.PreferredWidth, cells.Select(row => row[i]).Append(column.Header).Max(TextCut.Width))).ToList();
        var widths = ColumnLayout.Fit(demands, width);
        var shown = Enumerable.Range(0, columns.Count).Where(i => widths[i] > 0).ToList();

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var i in shown)
        {
            table.AddColumn(new TableColumn(Cell(columns[i].Header, widths[i], CutAt.End))
            {
                Width = widths[i],
                NoWrap = true,
                Alignment = columns[i].Alignment,
            });
        }

        foreach (var row in cells)
        {
            table.AddRow(shown.Select(i => Cell(row[i], widths[i], columns[i].CutAt)));
        }

        return (table, ColumnLayout.TableWidth(widths));
    }

    private static Text Cell(string text, int width, CutAt cutAt) => new(TextCut.ToWidth(text, width, cutAt));
}
