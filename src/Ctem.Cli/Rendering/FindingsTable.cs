using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>The human view of findings: one row per finding, the product column only when there are several products.</summary>
public static class FindingsTable
{
    private const int SummaryWidth = 48;

    public static void Write(IAnsiConsole console, IReadOnlyList<FindingView> findings)
    {
        if (findings.Count == 0)
        {
            console.WriteLine("No findings.");
            return;
        }

        var showProduct = findings.Select(f => f.Product).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var showId = findings.Any(f => f.Id is not null);
        var showPriority = findings.Any(f => f.Risk is not null);
        var table = new Table().Border(TableBorder.Rounded);
        if (showId)
        {
            table.AddColumn(new TableColumn("ID").RightAligned());
        }

        if (showPriority)
        {
            table.AddColumn(new TableColumn("Priority").NoWrap());
        }

        if (showProduct)
        {
            table.AddColumn(new TableColumn("Product").NoWrap());
        }

        table.AddColumn(new TableColumn("Asset").NoWrap());
        table.AddColumn(new TableColumn("Version").NoWrap());
        table.AddColumn(new TableColumn("Vulnerability").NoWrap());
        var showSeverity = findings.Any(f => SeverityOf(f) is not null);
        var showKev = findings.Any(f => f.Exploitation?.Kev is not null);
        var showEpss = findings.Any(f => f.Exploitation?.Epss is not null);
        table.AddColumn("Also known as");
        if (showSeverity)
        {
            table.AddColumn("Severity");
        }

        if (showKev)
        {
            table.AddColumn(new TableColumn("KEV").NoWrap());
        }

        if (showEpss)
        {
            table.AddColumn(new TableColumn("EPSS").RightAligned());
        }

        table.AddColumns("Fixed in", "Summary");
        foreach (var finding in findings)
        {
            var cells = new List<string>();
            if (showId)
            {
                cells.Add(finding.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            if (showPriority)
            {
                cells.Add(finding.Risk is { } risk ? $"{JsonOutput.Name(risk.Priority)} {risk.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}" : "");
            }

            if (showProduct)
            {
                cells.Add(finding.Product);
            }

            // Scanner findings on endpoints, URLs and files have no ecosystem: their name is the asset.
            cells.Add(finding.Ecosystem is null ? finding.Name : $"{finding.Ecosystem}:{finding.Name}");
            cells.Add(finding.Version ?? "");
            cells.Add(finding.Vulnerability.Id);
            cells.Add(Aliases(finding.Vulnerability.Aliases));
            if (showSeverity)
            {
                cells.Add(SeverityOf(finding) ?? "");
            }

            if (showKev)
            {
                cells.Add(finding.Exploitation?.Kev?.DateAdded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            if (showEpss)
            {
                cells.Add(finding.Exploitation?.Epss is { } epss ? epss.Score.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "");
            }

            cells.Add(finding.FixedVersions.Count == 0 ? "no fix" : string.Join(", ", finding.FixedVersions));
            cells.Add(Shorten(finding.Vulnerability.Summary ?? ""));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }

    // The advisory database's own label where it gives one, else what its CVSS vector says.
    private static string? SeverityOf(FindingView finding) =>
        finding.Vulnerability.Severity
        ?? (finding.Vulnerability.Cvss is { } vector && Ctem.Core.Scoring.Cvss.Parse(vector) is { Success: true, Value: var score }
            ? $"{Ctem.Core.Scoring.Severities.Name(score.Severity)} {score.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}"
            : null);

    private static string Aliases(IReadOnlyList<string> aliases) =>
        aliases.Count <= 2 ? string.Join(", ", aliases) : $"{aliases[0]}, {aliases[1]} +{aliases.Count - 2}";

    private static string Shorten(string text) => text.Length <= SummaryWidth ? text : string.Concat(text.AsSpan(0, SummaryWidth - 1), "…");
}
