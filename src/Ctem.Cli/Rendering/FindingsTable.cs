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
        var table = new Table().Border(TableBorder.Rounded);
        if (showProduct)
        {
            table.AddColumn(new TableColumn("Product").NoWrap());
        }

        table.AddColumn(new TableColumn("Package").NoWrap());
        table.AddColumn(new TableColumn("Version").NoWrap());
        table.AddColumn(new TableColumn("Vulnerability").NoWrap());
        var showSeverity = findings.Any(f => f.Vulnerability.Severity is not null);
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
            if (showProduct)
            {
                cells.Add(finding.Product);
            }

            cells.Add($"{finding.Ecosystem ?? "?"}:{finding.Name}");
            cells.Add(finding.Version ?? "");
            cells.Add(finding.Vulnerability.Id);
            cells.Add(Aliases(finding.Vulnerability.Aliases));
            if (showSeverity)
            {
                cells.Add(finding.Vulnerability.Severity ?? "");
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

    private static string Aliases(IReadOnlyList<string> aliases) =>
        aliases.Count <= 2 ? string.Join(", ", aliases) : $"{aliases[0]}, {aliases[1]} +{aliases.Count - 2}";

    private static string Shorten(string text) => text.Length <= SummaryWidth ? text : string.Concat(text.AsSpan(0, SummaryWidth - 1), "…");
}
