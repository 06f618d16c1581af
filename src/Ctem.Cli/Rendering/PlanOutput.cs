using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Plan;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem plan</c> as a table (JSON and Markdown: <see cref="PlanReportOutput"/>).</summary>
public static class PlanOutput
{
    /// <remarks>The headline and the closing note are plain lines on <paramref name="output"/>: a product name must not wrap differently with the terminal.</remarks>
    public static void WriteTable(TextWriter output, IAnsiConsole console, string? product, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        output.WriteLine($"{PlanReportOutput.Scope(product)}: {PlanReportOutput.Headline(plan)}");
        if (plan.Actions.Count > 0)
        {
            LineTable.Write(console, PlanReportOutput.Ranked(plan), Columns);
        }

        if (plan.Unplanned.Count > 0)
        {
            output.WriteLine($"{plan.Unplanned.Count} finding(s) have no planned upgrade: 'ctem plan --format json' lists them with the reason (unplanned[]).");
        }
    }

    // What a narrow terminal keeps: the rank, what the upgrade fixes and the risk it removes, where it goes (with "(major)"
    // when breaking, kept by the cut in the middle), the package (cut first: a package's name is recognisable from its ends).
    private static readonly IReadOnlyList<LineTableColumn<(int Rank, RemediationAction Action)>> Columns =
    [
        new("#", Rank: 1, MinWidth: 2, PreferredWidth: 3, r => PlanReportOutput.Number(r.Rank)) { Required = true, Alignment = Justify.Right },
        new("Package", Rank: 5, MinWidth: 18, PreferredWidth: 32, r => r.Action.Name) { Required = true, CutAt = CutAt.Middle },
        new("From", Rank: 7, MinWidth: 8, PreferredWidth: 20, r => string.Join(", ", r.Action.From)) { CutAt = CutAt.Middle },
        new("To", Rank: 4, MinWidth: 10, PreferredWidth: 22, r => r.Action.Breaking ? $"{r.Action.To} (major)" : r.Action.To) { Required = true, CutAt = CutAt.Middle },
        new("Fixes", Rank: 2, MinWidth: 12, PreferredWidth: 16, r => PlanReportOutput.Fixes(r.Action)) { Required = true },
        new("Risk", Rank: 3, MinWidth: 6, PreferredWidth: 7, r => PlanReportOutput.Score(r.Action.RiskRemoved)) { Required = true, Alignment = Justify.Right },
        // The count first: a cut list still says how many products the action reaches.
        new("Products", Rank: 8, MinWidth: 8, PreferredWidth: 30, r => $"{PlanReportOutput.Number(r.Action.Products.Count)}: {string.Join(", ", r.Action.Products)}")
        {
            // One product (or --product) says nothing per row: the headline names it.
            ShownFor = rows => rows.SelectMany(r => r.Action.Products).Distinct(StringComparer.Ordinal).Skip(1).Any(),
        },
        new("Left", Rank: 9, MinWidth: 4, PreferredWidth: 4, r => r.Action.Remaining.Count == 0 ? "" : PlanReportOutput.Number(r.Action.Remaining.Count)) { Alignment = Justify.Right },
        new("Via", Rank: 10, MinWidth: 8, PreferredWidth: 30, r => string.Join(", ", r.Action.Via)) { CutAt = CutAt.Middle },
    ];
}
