using System.Globalization;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Sla;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem sla</c> as tables (JSON and Markdown: <see cref="SlaReportOutput"/>).</summary>
public static class SlaOutput
{
    private static readonly IReadOnlyList<LineTableColumn<SlaFinding>> FindingColumns =
    [
        new("ID", Rank: 1, MinWidth: 4, PreferredWidth: 6, f => f.Finding.Id.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Due", Rank: 2, MinWidth: 10, PreferredWidth: 10, f => SlaReportOutput.Day(f.Due.At)) { Required = true },
        new("Days", Rank: 3, MinWidth: 5, PreferredWidth: 7, f => SlaReportOutput.Days(f)) { Required = true, Alignment = Justify.Right },
        new("Priority", Rank: 4, MinWidth: 8, PreferredWidth: 13, f => f.Finding.Risk is { } risk ? $"{JsonOutput.Name(risk.Priority)} {risk.Score.ToString("0.0", CultureInfo.InvariantCulture)}" : "") { Required = true },
        new("Vulnerability", Rank: 5, MinWidth: 14, PreferredWidth: 19, f => f.Finding.Vulnerability.Id) { Required = true, CutAt = CutAt.Middle },
        new("Asset", Rank: 6, MinWidth: 12, PreferredWidth: 30, f => f.Finding.PackageName) { CutAt = CutAt.Middle },
        new("Owner", Rank: 7, MinWidth: 8, PreferredWidth: 16, f => f.Finding.Owner ?? "") { CutAt = CutAt.Middle },
        new("Product", Rank: 8, MinWidth: 10, PreferredWidth: 24, f => f.Finding.Product) { CutAt = CutAt.Middle },
        new("By", Rank: 9, MinWidth: 3, PreferredWidth: 3, f => f.Due.Basis == DueDateBasis.Kev ? "KEV" : "SLA"),
    ];

    private static IReadOnlyList<LineTableColumn<SlaCompliance>> ComplianceColumns(string name) =>
    [
        new(name, Rank: 1, MinWidth: 12, PreferredWidth: 40, c => c.Name) { Required = true, CutAt = CutAt.Middle },
        new("Compliance", Rank: 2, MinWidth: 10, PreferredWidth: 10, c => SlaReportOutput.Percent(c)) { Required = true, Alignment = Justify.Right },
        new("Within SLA", Rank: 3, MinWidth: 10, PreferredWidth: 10, c => c.WithinSla.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Findings", Rank: 4, MinWidth: 8, PreferredWidth: 8, c => c.Findings.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Breached", Rank: 5, MinWidth: 8, PreferredWidth: 8, c => c.Breached.ToString(CultureInfo.InvariantCulture)) { Alignment = Justify.Right },
    ];

    private static readonly IReadOnlyList<LineTableColumn<MeanTimeToRemediate>> MttrColumns =
    [
        new("Priority", Rank: 1, MinWidth: 8, PreferredWidth: 8, m => JsonOutput.Name(m.Priority) ?? "") { Required = true },
        new("Remediations", Rank: 2, MinWidth: 12, PreferredWidth: 12, m => m.Remediations.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Mean days", Rank: 3, MinWidth: 9, PreferredWidth: 9, m => m.MeanDays.ToString("0.0", CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
    ];

    public static void WriteTable(IAnsiConsole console, TextWriter plain, SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(report);
        plain.WriteLine(SlaReportOutput.Headline(report));
        Section(console, plain, "Breached", report.Breached, FindingColumns);
        Section(console, plain, $"Due within {report.DueSoonDays} days", report.DueSoon, FindingColumns);
        Section(console, plain, "Compliance by product", report.Products, ComplianceColumns("Product"));
        Section(console, plain, "Compliance by owner", report.Owners, ComplianceColumns("Owner"));
        Section(console, plain, "Mean time to remediate", report.MeanTimeToRemediate, MttrColumns);
    }

    private static void Section<T>(IAnsiConsole console, TextWriter plain, string title, IReadOnlyList<T> rows, IReadOnlyList<LineTableColumn<T>> columns)
    {
        plain.WriteLine();
        plain.WriteLine($"{title}: {rows.Count}");
        if (rows.Count > 0)
        {
            LineTable.Write(console, rows, columns);
        }
    }
}
