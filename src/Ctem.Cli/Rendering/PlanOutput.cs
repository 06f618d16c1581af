using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Plan;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem plan</c>: the upgrade actions, most risk removed first, as a table, JSON, or Markdown for a ticket or comment.</summary>
public static class PlanOutput
{
    private static readonly Priority[] Priorities = [Priority.Critical, Priority.High, Priority.Medium, Priority.Low];

    /// <remarks>The headline and the closing note are plain lines on <paramref name="output"/>: a product name must not wrap differently with the terminal.</remarks>
    public static void WriteTable(TextWriter output, IAnsiConsole console, string? product, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        output.WriteLine($"{Scope(product)}: {Headline(plan)}");
        if (plan.Actions.Count > 0)
        {
            LineTable.Write(console, Ranked(plan), Columns);
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
        new("#", Rank: 1, MinWidth: 2, PreferredWidth: 3, r => Number(r.Rank)) { Required = true, Alignment = Justify.Right },
        new("Package", Rank: 5, MinWidth: 18, PreferredWidth: 32, r => r.Action.Name) { Required = true, CutAt = CutAt.Middle },
        new("From", Rank: 7, MinWidth: 8, PreferredWidth: 20, r => string.Join(", ", r.Action.From)) { CutAt = CutAt.Middle },
        new("To", Rank: 4, MinWidth: 10, PreferredWidth: 22, r => r.Action.Breaking ? $"{r.Action.To} (major)" : r.Action.To) { Required = true, CutAt = CutAt.Middle },
        new("Fixes", Rank: 2, MinWidth: 12, PreferredWidth: 16, r => Fixes(r.Action)) { Required = true },
        new("Risk", Rank: 3, MinWidth: 6, PreferredWidth: 7, r => Score(r.Action.RiskRemoved)) { Required = true, Alignment = Justify.Right },
        // The count first: a cut list still says how many products the action reaches.
        new("Products", Rank: 8, MinWidth: 8, PreferredWidth: 30, r => $"{Number(r.Action.Products.Count)}: {string.Join(", ", r.Action.Products)}")
        {
            // One product (or --product) says nothing per row: the headline names it.
            ShownFor = rows => rows.SelectMany(r => r.Action.Products).Distinct(StringComparer.Ordinal).Skip(1).Any(),
        },
        new("Left", Rank: 9, MinWidth: 4, PreferredWidth: 4, r => r.Action.Remaining.Count == 0 ? "" : Number(r.Action.Remaining.Count)) { Alignment = Justify.Right },
        new("Via", Rank: 10, MinWidth: 8, PreferredWidth: 30, r => string.Join(", ", r.Action.Via)) { CutAt = CutAt.Middle },
    ];

    public static void WriteMarkdown(TextWriter output, string? product, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        output.WriteLine($"### Ctem plan: {MarkdownText.Escape(Scope(product))}: {Headline(plan)}");
        if (plan.Actions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| # | Upgrade | Breaking | Fixes | Risk removed | Products | Still open after | Via |");
            output.WriteLine("|---:|---|---|---|---:|---|---|---|");
            foreach (var (rank, action) in Ranked(plan))
            {
                output.WriteLine(
                    $"| {rank} | `{MarkdownText.Escape(action.Name)}` {MarkdownText.Escape(string.Join(", ", action.From))} → {MarkdownText.Escape(action.To)} | {(action.Breaking ? "major" : "")} | "
                    + $"{Fixes(action)} | {Score(action.RiskRemoved)} | {MarkdownText.Escape(string.Join(", ", action.Products))} | "
                    + $"{MarkdownText.Escape(string.Join(", ", action.Remaining.Select(f => f.Vulnerability.Id)))} | {MarkdownText.Escape(string.Join(", ", action.Via))} |");
            }
        }

        if (plan.Unplanned.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"#### No planned upgrade ({plan.Unplanned.Count})");
            output.WriteLine();
            output.WriteLine("| ID | Vulnerability | Package | Version | Product | Why |");
            output.WriteLine("|---:|---|---|---|---|---|");
            foreach (var (finding, reason) in plan.Unplanned)
            {
                output.WriteLine(
                    $"| {finding.Id} | {MarkdownText.Escape(finding.Vulnerability.Id)} | `{MarkdownText.Escape(finding.PackageName)}` | {MarkdownText.Escape(finding.Version ?? "")} | "
                    + $"{MarkdownText.Escape(finding.Product)} | {MarkdownText.Escape(reason)} |");
            }
        }
    }

    public static void WriteJson(TextWriter output, string? product, RemediationPlan plan) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", product);
            writer.WriteStartArray("actions");
            foreach (var (rank, action) in Ranked(plan))
            {
                writer.WriteStartObject();
                writer.WriteNumber("rank", rank);
                writer.WriteString("ecosystem", action.Ecosystem);
                writer.WriteString("name", action.Name);
                JsonOutput.WriteStrings(writer, "from", action.From);
                writer.WriteString("to", action.To);
                writer.WriteBoolean("breaking", action.Breaking);
                Ids(writer, "fixes", action.Fixes);
                writer.WriteStartObject("fixesByPriority");
                foreach (var priority in Priorities)
                {
                    writer.WriteNumber(JsonOutput.Name(priority)!, action.Fixes.Count(f => f.Risk?.Priority == priority));
                }

                writer.WriteEndObject();
                Ids(writer, "remaining", action.Remaining);
                JsonOutput.WriteStrings(writer, "products", action.Products);
                writer.WriteNumber("riskRemoved", action.RiskRemoved);
                JsonOutput.WriteStrings(writer, "via", action.Via);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unplanned");
            foreach (var (finding, reason) in plan.Unplanned)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", finding.Id);
                writer.WriteString("product", finding.Product);
                writer.WriteString("ecosystem", finding.Ecosystem);
                writer.WriteString("name", finding.PackageName);
                writer.WriteString("version", finding.Version);
                writer.WriteString("vulnerability", finding.Vulnerability.Id);
                writer.WriteString("reason", reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static List<(int Rank, RemediationAction Action)> Ranked(RemediationPlan plan) =>
        plan.Actions.Select((a, i) => (i + 1, a)).ToList();

    private static void Ids(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<StoredFinding> findings)
    {
        writer.WriteStartArray(name);
        foreach (var finding in findings)
        {
            writer.WriteNumberValue(finding.Id);
        }

        writer.WriteEndArray();
    }

    private static string Scope(string? product) => product is null ? "All products" : $"Product {product}";

    private static string Headline(RemediationPlan plan)
    {
        var fixes = plan.Actions.Sum(a => a.Fixes.Count);
        var remaining = plan.Actions.Sum(a => a.Remaining.Count);
        return $"{plan.Actions.Count} upgrade(s) fix {fixes} finding(s), risk {Score(plan.Actions.Sum(a => a.RiskRemoved))} removed; "
            + $"{remaining} left open, {plan.Unplanned.Count} without an upgrade";
    }

    /// <summary>How many findings, and how many of them have the most urgent priority among them: "12 (3 critical)".</summary>
    private static string Fixes(RemediationAction action)
    {
        var top = Priorities.FirstOrDefault(p => action.Fixes.Any(f => f.Risk?.Priority == p));
        return top == Priority.Unspecified
            ? Number(action.Fixes.Count)
            : $"{Number(action.Fixes.Count)} ({Number(action.Fixes.Count(f => f.Risk?.Priority == top))} {JsonOutput.Name(top)})";
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
