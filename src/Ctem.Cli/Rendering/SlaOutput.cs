using System.Globalization;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Sla;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem sla</c> as tables, JSON, or Markdown for a weekly report.</summary>
public static class SlaOutput
{
    private static readonly IReadOnlyList<LineTableColumn<SlaFinding>> FindingColumns =
    [
        new("ID", Rank: 1, MinWidth: 4, PreferredWidth: 6, f => f.Finding.Id.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Due", Rank: 2, MinWidth: 10, PreferredWidth: 10, f => Day(f.Due.At)) { Required = true },
        new("Days", Rank: 3, MinWidth: 5, PreferredWidth: 7, f => Days(f)) { Required = true, Alignment = Justify.Right },
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
        new("Compliance", Rank: 2, MinWidth: 10, PreferredWidth: 10, c => Percent(c)) { Required = true, Alignment = Justify.Right },
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
        plain.WriteLine(Headline(report));
        Section(console, plain, "Breached", report.Breached, FindingColumns);
        Section(console, plain, $"Due within {report.DueSoonDays} days", report.DueSoon, FindingColumns);
        Section(console, plain, "Compliance by product", report.Products, ComplianceColumns("Product"));
        Section(console, plain, "Compliance by owner", report.Owners, ComplianceColumns("Owner"));
        Section(console, plain, "Mean time to remediate", report.MeanTimeToRemediate, MttrColumns);
    }

    public static void WriteMarkdown(TextWriter output, SlaReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine($"### Ctem SLA: {Headline(report)}");
        MarkdownSection(output, "Breached", report.Breached, "| ID | Due | Days overdue | Priority | Vulnerability | Asset | Owner | Product |", "|---:|---|---:|---|---|---|---|---|", f =>
            $"| {f.Finding.Id} | {Day(f.Due.At)}{(f.Due.Basis == DueDateBasis.Kev ? " (KEV)" : "")} | {Days(f)} | {Priority(f)} | {Esc(f.Finding.Vulnerability.Id)} | `{Esc(f.Finding.PackageName)}` | {Esc(f.Finding.Owner ?? "")} | {Esc(f.Finding.Product)} |");
        MarkdownSection(output, $"Due within {report.DueSoonDays} days", report.DueSoon, "| ID | Due | Days left | Priority | Vulnerability | Asset | Owner | Product |", "|---:|---|---:|---|---|---|---|---|", f =>
            $"| {f.Finding.Id} | {Day(f.Due.At)}{(f.Due.Basis == DueDateBasis.Kev ? " (KEV)" : "")} | {Days(f)} | {Priority(f)} | {Esc(f.Finding.Vulnerability.Id)} | `{Esc(f.Finding.PackageName)}` | {Esc(f.Finding.Owner ?? "")} | {Esc(f.Finding.Product)} |");
        MarkdownSection(output, "Compliance by product", report.Products, "| Product | Compliance | Within SLA | Findings | Breached |", "|---|---:|---:|---:|---:|", ComplianceRow);
        MarkdownSection(output, "Compliance by owner", report.Owners, "| Owner | Compliance | Within SLA | Findings | Breached |", "|---|---:|---:|---:|---:|", ComplianceRow);
        MarkdownSection(output, "Mean time to remediate", report.MeanTimeToRemediate, "| Priority | Remediations | Mean days |", "|---|---:|---:|", m =>
            $"| {JsonOutput.Name(m.Priority)} | {m.Remediations} | {m.MeanDays.ToString("0.0", CultureInfo.InvariantCulture)} |");
    }

    public static void WriteJson(TextWriter output, SlaReport report) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            JsonOutput.WriteTime(writer, "asOf", report.AsOf);
            writer.WriteNumber("dueSoonDays", report.DueSoonDays);
            writer.WriteStartObject("counts");
            writer.WriteNumber("breached", report.Breached.Count);
            writer.WriteNumber("dueSoon", report.DueSoon.Count);
            writer.WriteEndObject();
            foreach (var (name, findings) in new[] { ("breached", report.Breached), ("dueSoon", report.DueSoon) })
            {
                writer.WriteStartArray(name);
                foreach (var item in findings)
                {
                    writer.WriteStartObject();
                    JsonOutput.WriteTime(writer, "dueAt", item.Due.At);
                    writer.WriteString("dueBy", item.Due.Basis == DueDateBasis.Kev ? "kev" : "sla");
                    writer.WriteNumber("days", WholeDays(item));
                    writer.WritePropertyName("finding");
                    JsonOutput.WriteFinding(writer, FindingView.From(item.Finding));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteStartObject("compliance");
            foreach (var (name, groups) in new[] { ("products", report.Products), ("owners", report.Owners) })
            {
                writer.WriteStartArray(name);
                foreach (var group in groups)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", group.Name);
                    writer.WriteNumber("findings", group.Findings);
                    writer.WriteNumber("withinSla", group.WithinSla);
                    writer.WriteNumber("breached", group.Breached);
                    writer.WriteNumber("percent", group.Percent);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("mttr");
            foreach (var mean in report.MeanTimeToRemediate)
            {
                writer.WriteStartObject();
                writer.WriteString("priority", JsonOutput.Name(mean.Priority));
                writer.WriteNumber("remediations", mean.Remediations);
                writer.WriteNumber("meanDays", mean.MeanDays);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static string Headline(SlaReport report) =>
        $"{report.Breached.Count} breached, {report.DueSoon.Count} due within {report.DueSoonDays} days, as of {report.AsOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";

    private static void Section<T>(IAnsiConsole console, TextWriter plain, string title, IReadOnlyList<T> rows, IReadOnlyList<LineTableColumn<T>> columns)
    {
        plain.WriteLine();
        plain.WriteLine($"{title}: {rows.Count}");
        if (rows.Count > 0)
        {
            LineTable.Write(console, rows, columns);
        }
    }

    private static void MarkdownSection<T>(TextWriter output, string title, IReadOnlyList<T> rows, string header, string rule, Func<T, string> row)
    {
        output.WriteLine();
        output.WriteLine($"#### {title} ({rows.Count})");
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(header);
        output.WriteLine(rule);
        foreach (var item in rows)
        {
            output.WriteLine(row(item));
        }
    }

    private static string ComplianceRow(SlaCompliance c) =>
        $"| {Esc(c.Name)} | {Percent(c)} | {c.WithinSla} | {c.Findings} | {c.Breached} |";

    private static string Percent(SlaCompliance c) => c.Percent.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Priority(SlaFinding f) => f.Finding.Risk is { } risk ? JsonOutput.Name(risk.Priority) ?? "" : "";

    // Whole days overdue (breached) or left (due soon), counted as a person would: a day started counts.
    private static int WholeDays(SlaFinding f) => (int)Math.Ceiling(Math.Abs(f.Remaining.TotalDays));

    private static string Days(SlaFinding f) => WholeDays(f).ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Esc(string text) => MarkdownText.Escape(text);
}
