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
            LineTable.Write(console, findings, FindingsTableColumns.All);
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

}
