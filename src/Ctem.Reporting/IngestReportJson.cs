using Ctem.Engine.Discovery.Reports;

namespace Ctem.Reporting;

/// <summary>An ingest's result as <c>ctem ingest --format json</c> writes it, and as the API answers a report upload.</summary>
public static class IngestReportJson
{
    /// <summary>Every run's findings as every format shows them, most urgent first.</summary>
    public static IReadOnlyList<FindingView> FindingsOf(IngestReport report) =>
        FindingView.ByPriority(report.Runs.SelectMany(run => run.Findings.Select(f =>
            FindingView.From(report.Product?.Name ?? "", f, run.Tool, run.Outcome.Findings.GetValueOrDefault(f.Key)).With(report.Exploitation).With(report.CveRecords)))
            .Where(f => f.Id is not { } id || (!report.ClosedByVex.Contains(id) && !report.AcceptedRisks.Contains(id))));

    public static void Write(TextWriter output, IngestReport report, IReadOnlyList<FindingView> findings) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
            writer.WriteString("product", report.Product?.Name);
            writer.WriteStartArray("reports");
            foreach (var file in report.Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteString("format", file.Format);
                writer.WriteString("tool", file.Tool);
                writer.WriteString("target", file.Target);
                writer.WriteNumber("findings", file.Findings);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("runs");
            foreach (var run in report.Runs)
            {
                writer.WriteStartObject();
                writer.WriteString("source", run.Source);
                writer.WriteString("tool", run.Tool);
                writer.WriteNumber("id", run.Outcome.RunId);
                writer.WriteNumber("findings", run.Findings.Count);
                writer.WriteNumber("new", run.Outcome.New);
                writer.WriteNumber("reopened", run.Outcome.Reopened);
                writer.WriteNumber("resolved", run.Outcome.Resolved);
                JsonOutput.WriteResolved(writer, run.Outcome.ResolvedFindings);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                JsonOutput.WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
            JsonOutput.WriteDiagnostics(writer, report.Diagnostics);
            writer.WriteEndObject();
        });
}
