using Ctem.Engine.History;

namespace Ctem.Reporting;

/// <summary><c>ctem diff</c> as JSON, or Markdown made to be posted as a pull-request comment; the CLI's table uses its words.</summary>
public static class DiffReportOutput
{
    private static readonly FindingChangeKind[] Sections =
        [FindingChangeKind.New, FindingChangeKind.Reopened, FindingChangeKind.PriorityChanged, FindingChangeKind.Resolved];

    public static void WriteMarkdown(TextWriter output, FindingDiffReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine($"### Ctem: {Escape(report.Product)}: {Headline(report)}");
        output.WriteLine();
        output.WriteLine($"Compared {Compared(report, code: true)}.");
        foreach (var kind in Sections)
        {
            var changes = report.Changes.Where(c => c.Kind == kind).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"#### {Label(kind)} ({changes.Count})");
            output.WriteLine();
            output.WriteLine("| ID | Priority | Vulnerability | Asset | Version | Fixed in | Summary |");
            output.WriteLine("|---:|---|---|---|---|---|---|");
            foreach (var change in changes)
            {
                var finding = change.Finding;
                output.WriteLine(
                    $"| {finding.Id} | {Escape(Priority(change))} | {Escape(finding.Vulnerability.Id)} | `{Escape(finding.PackageName)}` | {Escape(finding.Version ?? "")} | "
                    + $"{Escape(string.Join(", ", finding.FixedVersions))} | {Escape(Shorten(finding.Vulnerability.Summary ?? "", 100))} |");
            }
        }

        if (report.Changes.Count == 0)
        {
            output.WriteLine();
            output.WriteLine("No finding changed.");
        }
    }

    public static void WriteJson(TextWriter output, FindingDiffReport report) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", report.Product);
            writer.WriteStartArray("compared");
            foreach (var span in report.Spans)
            {
                writer.WriteStartObject();
                writer.WriteString("source", span.To.Source);
                writer.WriteString("tool", span.To.Tool);
                if (span.From is { } from)
                {
                    writer.WriteNumber("from", from.Id);
                }
                else
                {
                    writer.WriteNull("from");
                }

                writer.WriteNumber("to", span.To.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("counts");
            foreach (var kind in Sections)
            {
                writer.WriteNumber(Key(kind), report.Count(kind));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("changes");
            foreach (var change in report.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("change", Key(change.Kind));
                writer.WriteString("priority", change.Priority);
                writer.WriteString("previousPriority", change.PreviousPriority);
                writer.WritePropertyName("finding");
                JsonOutput.WriteFinding(writer, FindingView.From(change.Finding));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static string Headline(FindingDiffReport report) =>
        $"{report.Count(FindingChangeKind.New)} new, {report.Count(FindingChangeKind.Resolved)} resolved, "
        + $"{report.Count(FindingChangeKind.Reopened)} reopened, {report.Count(FindingChangeKind.PriorityChanged)} priority changed";

    public static string Compared(FindingDiffReport report, bool code) => string.Join("; ", report.Spans.Select(span =>
    {
        var source = code ? $"`{span.To.Source}`" : $"'{span.To.Source}'";
        var from = span.From is null ? "start" : $"run {span.From.Id}";
        return $"{span.To.Tool} source {source}: {from} → run {span.To.Id}";
    }));

    public static string Priority(FindingChange change) =>
        change.Kind == FindingChangeKind.PriorityChanged ? $"{change.PreviousPriority} → {change.Priority}" : change.Priority ?? "";

    public static string Label(FindingChangeKind kind) => kind switch
    {
        FindingChangeKind.New => "New",
        FindingChangeKind.Reopened => "Reopened",
        FindingChangeKind.PriorityChanged => "Priority changed",
        _ => "Resolved",
    };

    private static string Key(FindingChangeKind kind) => kind switch
    {
        FindingChangeKind.New => "new",
        FindingChangeKind.Reopened => "reopened",
        FindingChangeKind.PriorityChanged => "priorityChanged",
        _ => "resolved",
    };

    private static string Shorten(string text, int length) => MarkdownText.Shorten(text, length);

    private static string Escape(string text) => MarkdownText.Escape(text);
}
