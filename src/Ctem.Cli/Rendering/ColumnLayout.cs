namespace Ctem.Cli.Rendering;

/// <summary>What a column asks of the layout: whether it must stay, its rank (1 = most important) and three widths in cells.</summary>
/// <param name="Min">How narrow it may be cut.</param>
/// <param name="Comfortable">The width it takes before less important columns get room.</param>
/// <param name="Natural">The width its widest cell needs; room left over at the end goes to columns below it.</param>
public readonly record struct ColumnDemand(bool Required, int Rank, int Min, int Comfortable, int Natural)
{
    /// <summary>A demand with the widths put in order: a column never needs cutting below its content, nor more room than it.</summary>
    public static ColumnDemand For(bool required, int rank, int min, int preferred, int content)
    {
        var comfortable = Math.Min(preferred, content);
        return new ColumnDemand(required, rank, Math.Min(min, comfortable), comfortable, content);
    }
}

/// <summary>
/// Fits table columns into a width without wrapping. Required columns always stay: at their comfortable width, cut
/// least important first down to their minimum when that is too wide. The other columns join by rank while at least
/// their minimum fits, so a less important column never takes room that a more important one needs; the first that
/// does not fit ends the table. Room left over widens the columns whose content is wider still, most important first.
/// </summary>
public static class ColumnLayout
{
    /// <summary>Cells a rounded Spectre table spends around each column: its left border and one space of padding each side.</summary>
    public const int PerColumn = 3;

    /// <summary>The table's closing right border.</summary>
    public const int PerTable = 1;

    /// <summary>The width of each column, in the order given; 0 for a column that is left out.</summary>
    /// <remarks>When even the required columns at their minimum are wider than <paramref name="width"/>, the result is too.</remarks>
    public static int[] Fit(IReadOnlyList<ColumnDemand> columns, int width)
    {
        var widths = new int[columns.Count];
        var byRank = Enumerable.Range(0, columns.Count).OrderBy(i => columns[i].Rank).ToList();
        var required = byRank.Where(i => columns[i].Required).ToList();
        foreach (var i in required)
        {
            widths[i] = columns[i].Comfortable;
        }

        var used = TableWidth(widths);
        foreach (var i in Enumerable.Reverse(required))
        {
            var cut = Math.Min(used - width, widths[i] - columns[i].Min);
            if (cut > 0)
            {
                widths[i] -= cut;
                used -= cut;
            }
        }

        foreach (var i in byRank.Where(i => !columns[i].Required))
        {
            var room = width - used - PerColumn;
            if (room < columns[i].Min)
            {
                break;
            }

            widths[i] = Math.Min(room, columns[i].Comfortable);
            used += PerColumn + widths[i];
        }

        foreach (var i in byRank.Where(i => widths[i] > 0))
        {
            var grow = Math.Min(width - used, columns[i].Natural - widths[i]);
            if (grow > 0)
            {
                widths[i] += grow;
                used += grow;
            }
        }

        return widths;
    }

    /// <summary>The total width of a table with these column widths (0 = not shown).</summary>
    public static int TableWidth(IEnumerable<int> widths) => PerTable + widths.Where(w => w > 0).Sum(w => PerColumn + w);
}
