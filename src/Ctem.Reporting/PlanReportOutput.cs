using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Plan;

namespace Ctem.Reporting;

/// <summary><c>ctem plan</c> as JSON, or Markdown for a ticket or comment, for the CLI and the API alike; the CLI's table uses its words.</summary>
public static class PlanReportOutput
{
    private static readonly Priority[] Priorities = [Priority.Critical, Priority.High, Priority.Medium, Priority.Low];

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

    public static void WriteJson(TextWriter output, string? product, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
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
    }

    public static List<(int Rank, RemediationAction Action)> Ranked(RemediationPlan plan) =>
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

    public static string Scope(string? product) => product is null ? "All products" : $"Product {product}";

    public static string Headline(RemediationPlan plan)
    {
        var fixes = plan.Actions.Sum(a => a.Fixes.Count);
        var remaining = plan.Actions.Sum(a => a.Remaining.Count);
        return $"{plan.Actions.Count} upgrade(s) fix {fixes} finding(s), risk {Score(plan.Actions.Sum(a => a.RiskRemoved))} removed; "
            + $"{remaining} left open, {plan.Unplanned.Count} without an upgrade";
    }

    /// <summary>How many findings, and how many of them have the most urgent priority among them: "12 (3 critical)".</summary>
    public static string Fixes(RemediationAction action)
    {
        var top = Priorities.FirstOrDefault(p => action.Fixes.Any(f => f.Risk?.Priority == p));
        return top == Priority.Unspecified
            ? Number(action.Fixes.Count)
            : $"{Number(action.Fixes.Count)} ({Number(action.Fixes.Count(f => f.Risk?.Priority == top))} {JsonOutput.Name(top)})";
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
