using System.Globalization;
using Ctem.Engine.History;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem diff</c> as a table (JSON and Markdown: <see cref="DiffReportOutput"/>).</summary>
public static class DiffOutput
{
    public static void WriteTable(IAnsiConsole console, FindingDiffReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.WriteLine($"Product {report.Product}: {DiffReportOutput.Headline(report)} ({DiffReportOutput.Compared(report, code: false)})");
        if (report.Changes.Count == 0)
        {
            return;
        }

        LineTable.Write(console, report.Changes, Columns);
    }

    // What a narrow terminal keeps: the change, the finding's id, its priority and vulnerability, the asset.
    private static readonly IReadOnlyList<LineTableColumn<FindingChange>> Columns =
    [
        new("Change", Rank: 1, MinWidth: 8, PreferredWidth: 16, c => DiffReportOutput.Label(c.Kind)) { Required = true },
        new("ID", Rank: 2, MinWidth: 4, PreferredWidth: 6, c => c.Finding.Id.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Priority", Rank: 3, MinWidth: 8, PreferredWidth: 18, DiffReportOutput.Priority) { Required = true },
        new("Vulnerability", Rank: 4, MinWidth: 14, PreferredWidth: 19, c => c.Finding.Vulnerability.Id) { Required = true },
        new("Asset", Rank: 5, MinWidth: 12, PreferredWidth: 36, c => c.Finding.PackageName) { Required = true, CutAt = CutAt.Middle },
        new("Version", Rank: 7, MinWidth: 8, PreferredWidth: 16, c => c.Finding.Version ?? ""),
        new("Fixed in", Rank: 6, MinWidth: 8, PreferredWidth: 24, c => c.Finding.FixedVersions.Count == 0 ? "no fix" : string.Join(", ", c.Finding.FixedVersions)),
    ];
}
