using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Validation;

namespace Ctem.Reporting;

/// <summary>The JSON of <c>ctem vex import</c>, <c>ctem vex suggest</c> and <c>ctem triage</c>, for the CLI and the API alike.</summary>
public static class VexReportJson
{
    public static void WriteImport(TextWriter output, VexImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
            writer.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteString("format", file.Format);
                writer.WriteString("documentId", file.DocumentId);
                writer.WriteNumber("statements", file.Statements);
                writer.WriteNumber("added", file.Added);
                writer.WriteNumber("unchanged", file.Unchanged);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("applied", report.Applied);
            writer.WriteNumber("preemptive", report.Preemptive);
            writer.WriteNumber("findingsChanged", report.Changed);
            JsonOutput.WriteDiagnostics(writer, report.Diagnostics);
            writer.WriteEndObject();
        });
    }

    /// <param name="applied">What recording them did; null when they were only suggested.</param>
    public static void WriteSuggestions(TextWriter output, IReadOnlyList<VexSuggestion> suggestions, VexAddOutcome? applied)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("suggestions");
            foreach (var suggestion in suggestions)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", suggestion.Kind);
                writer.WriteNumber("finding", suggestion.Finding.Id);
                writer.WriteString("vulnerability", suggestion.Finding.Vulnerability.Id);
                writer.WriteString("component", suggestion.Finding.ComponentPurl);
                writer.WriteString("state", VexNames.Name(suggestion.Statement.State));
                writer.WriteString("justification", VexNames.Name(suggestion.Statement.Justification));
                JsonOutput.WriteStrings(writer, "evidence", suggestion.Statement.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("applied", applied is not null);
            writer.WriteNumber("recorded", applied?.Added.Count ?? 0);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>{"finding": {…}}</c>: the finding after the triage, as <c>ctem findings --format json</c> writes it.</summary>
    public static void WriteTriage(TextWriter output, StoredFinding finding) =>
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("finding");
            JsonOutput.WriteFinding(writer, FindingView.From(finding));
            writer.WriteEndObject();
        });
}
