using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>
/// A table of one line per row at the console's width, never wrapped: the least important columns drop out first,
/// then text is cut with "…" (<see cref="ColumnLayout"/>, <see cref="TextCut"/>).
/// </summary>
public static class LineTable
{
    public static void Write<T>(IAnsiConsole console, IReadOnlyList<T> rows, IReadOnlyList<LineTableColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(console);
        var consoleWidth = console.Profile.Width;
        var (table, tableWidth) = Build(rows, columns, consoleWidth);

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

    private static (Table Table, int Width) Build<T>(IReadOnlyList<T> rows, IReadOnlyList<LineTableColumn<T>> all, int width)
    {
        var columns = all.Where(c => c.IsShownFor(rows)).ToList();
        var cells = rows.Select(r => columns.Select(c => TextCut.OneLine(c.Cell(r))).ToArray()).ToList();
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
