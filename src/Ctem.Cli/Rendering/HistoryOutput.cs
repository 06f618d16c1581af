using System.Globalization;
using Ctem.Core.Stores;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem history</c>: a product's runs as a table (newest last, as a log reads) or JSON.</summary>
public static class HistoryOutput
{
    public static void WriteTable(IAnsiConsole console, string product, IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        console.WriteLine($"Product {product}: {runs.Count} run(s) from {runs.Select(r => (r.Source, r.Tool)).Distinct().Count()} source(s)");
        if (runs.Count > 0)
        {
            LineTable.Write(console, runs, Columns);
        }
    }

    // What a narrow terminal keeps: the run, when, which source, and what it changed.
    private static readonly IReadOnlyList<LineTableColumn<RunSummary>> Columns =
    [
        new("Run", Rank: 1, MinWidth: 3, PreferredWidth: 5, r => Number(r.Id)) { Required = true, Alignment = Justify.Right },
        new("Time (UTC)", Rank: 2, MinWidth: 16, PreferredWidth: 16, r => Time(r.FinishedAt)) { Required = true },
        new("Kind", Rank: 8, MinWidth: 6, PreferredWidth: 10, r => HistoryJson.Name(r.Kind)),
        new("Tool", Rank: 7, MinWidth: 6, PreferredWidth: 12, r => r.Tool),
        new("Source", Rank: 3, MinWidth: 10, PreferredWidth: 30, r => r.Source) { Required = true, CutAt = CutAt.Middle },
        new("Inputs", Rank: 10, MinWidth: 10, PreferredWidth: 30, r => Inputs(r)) { CutAt = CutAt.Middle },
        new("New", Rank: 4, MinWidth: 3, PreferredWidth: 5, r => Number(r.New)) { Required = true, Alignment = Justify.Right },
        new("Resolved", Rank: 5, MinWidth: 8, PreferredWidth: 8, r => Number(r.Resolved)) { Alignment = Justify.Right },
        new("Reopened", Rank: 6, MinWidth: 8, PreferredWidth: 8, r => Number(r.Reopened)) { Alignment = Justify.Right },
        new("Findings", Rank: 9, MinWidth: 8, PreferredWidth: 8, r => Number(r.Findings)) { Alignment = Justify.Right },
    ];

    private static string Inputs(RunSummary run) => run.Inputs.Count switch
    {
        0 => "-",
        1 => run.Inputs[0].Path,
        _ => $"{run.Inputs[0].Path} +{run.Inputs.Count - 1}",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
