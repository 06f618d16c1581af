using System.Globalization;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Sla;

namespace Ctem.Reporting;

/// <summary><c>ctem sla</c> as JSON, or Markdown for a weekly report; the CLI's tables use its words.</summary>
public static class SlaReportOutput
{
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

    public static string Headline(SlaReport report) =>
        $"{report.Breached.Count} breached, {report.DueSoon.Count} due within {report.DueSoonDays} days, as of {report.AsOf.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";

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

    public static string Percent(SlaCompliance c) => c.Percent.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Priority(SlaFinding f) => f.Finding.Risk is { } risk ? JsonOutput.Name(risk.Priority) ?? "" : "";

    // Whole days overdue (breached) or left (due soon), counted as a person would: a day started counts.
    private static int WholeDays(SlaFinding f) => (int)Math.Ceiling(Math.Abs(f.Remaining.TotalDays));

    public static string Days(SlaFinding f) => WholeDays(f).ToString(CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Esc(string text) => MarkdownText.Escape(text);
}
