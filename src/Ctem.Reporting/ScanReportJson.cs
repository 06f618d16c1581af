using Ctem.Engine.Discovery;

namespace Ctem.Reporting;

/// <summary>A scan's result as <c>ctem scan --format json</c> writes it, and as the API answers a scan.</summary>
public static class ScanReportJson
{
    /// <summary>The scan's findings as every format shows them, most urgent first.</summary>
    public static IReadOnlyList<FindingView> FindingsOf(ScanReport report) =>
        FindingView.ByPriority(report.Findings.Select(f =>
            FindingView.From(report.Product?.Name ?? "", f, ScanRunner.SourceName, report.Run?.Findings.GetValueOrDefault(f.Key)).With(report.Exploitation).With(report.CveRecords)));

    public static void Write(TextWriter output, ScanReport report, IReadOnlyList<FindingView> findings) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("product");
            writer.WriteString("name", report.Product?.Name);
            writer.WriteString("version", report.Product?.Version);
            writer.WriteEndObject();
            writer.WriteStartObject("run");
            if (report.Run is { } run)
            {
                writer.WriteNumber("id", run.RunId);
            }
            else
            {
                writer.WriteNull("id");
            }

            writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
            writer.WriteString("source", report.Source);
            writer.WriteString("tool", ScanRunner.SourceName);
            JsonOutput.WriteTime(writer, "startedAt", report.StartedAt);
            JsonOutput.WriteTime(writer, "finishedAt", report.FinishedAt);
            JsonOutput.WriteInputs(writer, report.Inputs);
            writer.WriteNumber("components", report.Components);
            writer.WriteNumber("findings", findings.Count);
            writer.WriteNumber("new", report.Run?.New ?? 0);
            writer.WriteNumber("reopened", report.Run?.Reopened ?? 0);
            writer.WriteNumber("resolved", report.Run?.Resolved ?? 0);
            JsonOutput.WriteResolved(writer, report.Run?.ResolvedFindings ?? []);
            writer.WriteEndObject();
            writer.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                JsonOutput.WriteFinding(writer, finding);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("components");
            foreach (var component in report.Inventory)
            {
                writer.WriteStartObject();
                writer.WriteString("name", component.Name);
                writer.WriteString("version", component.Version);
                writer.WriteString("purl", component.Purl?.ToString());
                writer.WriteString("ecosystem", component.Ecosystem);
                writer.WriteString("relation", JsonOutput.Name(component.Relation));
                writer.WriteString("scope", JsonOutput.Name(component.Scope));
                writer.WriteStartObject("location");
                writer.WriteString("path", component.Location.Path);
                writer.WriteString("pointer", component.Location.Pointer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("undetermined");
            foreach (var (reason, count) in report.Undetermined)
            {
                writer.WriteStartObject();
                writer.WriteString("reason", reason);
                writer.WriteNumber("count", count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            JsonOutput.WriteDiagnostics(writer, report.Diagnostics);
            writer.WriteEndObject();
        });
}
