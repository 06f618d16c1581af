namespace Ctem.Reporting;

/// <summary>Findings as a Markdown table, for pull-request comments, tickets and reports.</summary>
public static class MarkdownOutput
{
    private static readonly string[] Shown = ["id", "priority", "risk_score", "product", "name", "version", "vulnerability", "ssvc", "severity", "cvss_score", "kev_date_added", "epss", "fixed_versions", "relation", "due_date"];

    public static void Write(TextWriter output, IReadOnlyList<FindingView> findings)
    {
        output.WriteLine($"{findings.Count} finding(s)");
        output.WriteLine();
        if (findings.Count == 0)
        {
            return;
        }

        var columns = Shown.Select(name => Array.IndexOf(FindingColumns.Names, name)).ToArray();
        output.WriteLine("| " + string.Join(" | ", Shown) + " |");
        output.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", Shown.Length)));
        foreach (var finding in findings)
        {
            var values = FindingColumns.Values(finding);
            output.WriteLine("| " + string.Join(" | ", columns.Select(i => Escape(values[i]))) + " |");
        }
    }

    // A pipe would end the cell; a line break would end the row.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
