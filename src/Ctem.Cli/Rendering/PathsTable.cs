using System.Globalization;
using Ctem.Engine.Graph;
using Ctem.Reporting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem paths</c> in a terminal: the cut first (what to do), then the paths, then the choke points.</summary>
public static class PathsTable
{
    // A narrow terminal keeps the rank, the likelihood and the path (cut in the middle: its ends say where it starts and ends).
    private static readonly IReadOnlyList<LineTableColumn<(int Rank, AttackPath Path)>> Columns =
    [
        new("#", Rank: 1, MinWidth: 2, PreferredWidth: 3, r => r.Rank.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Likelihood", Rank: 2, MinWidth: 6, PreferredWidth: 10, r => PathsOutput.Likelihood(r.Path.Likelihood)) { Required = true, Alignment = Justify.Right },
        new("Path", Rank: 3, MinWidth: 30, PreferredWidth: 90, r => PathsOutput.Trail(r.Path)) { Required = true, CutAt = CutAt.Middle },
        new("Findings", Rank: 4, MinWidth: 8, PreferredWidth: 20, r => string.Join(", ", r.Path.Findings.Select(f => "#" + f.ToString(CultureInfo.InvariantCulture)))),
    ];

    private static readonly IReadOnlyList<LineTableColumn<ChokePoint>> ChokeColumns =
    [
        new("Paths", Rank: 1, MinWidth: 5, PreferredWidth: 5, c => c.Paths.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Kind", Rank: 3, MinWidth: 7, PreferredWidth: 11, c => c.Node.Kind),
        new("Choke point", Rank: 2, MinWidth: 20, PreferredWidth: 60, c => PathsOutput.Label(c.Node)) { Required = true, CutAt = CutAt.Middle },
    ];

    /// <remarks>The headline and notes are plain lines on <paramref name="output"/>, so they never wrap differently with the terminal.</remarks>
    public static void Write(TextWriter output, IAnsiConsole console, string product, PathAnalysis analysis, int? top)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(analysis);
        output.WriteLine($"{product}: {PathsOutput.CutSummary(analysis)}");
        if (analysis.Paths.Count == 0)
        {
            return;
        }

        var rows = PathsOutput.Shown(analysis, top).Select((p, i) => (i + 1, p)).ToList();
        LineTable.Write(console, rows, Columns);
        if (rows.Count < analysis.Paths.Count)
        {
            output.WriteLine($"{rows.Count} of {analysis.Paths.Count} path(s) shown (--top); 'ctem paths --format json' explains each step's likelihood.");
        }

        output.WriteLine("Choke points (the nodes and findings on the most paths):");
        LineTable.Write(console, analysis.ChokePoints.Take(PathsOutput.ChokePointsShown).ToList(), ChokeColumns);
    }
}
