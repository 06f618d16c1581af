using System.Globalization;
using Ctem.Cli.Hosting;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Validation;

namespace Ctem.Cli.Rendering;

/// <summary>What <c>ctem vex import</c>, <c>ctem vex suggest</c> and <c>ctem triage</c> print, as plain lines or JSON.</summary>
public static class VexOutput
{
    public static void WriteImport(CliHost host, VexImportReport report, string format)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(report);
        if (format == OutputFormat.Json)
        {
            VexReportJson.WriteImport(host.Stdout, report);
        }
        else if (report.Status != OperationStatus.Failed)
        {
            foreach (var file in report.Files)
            {
                host.Stdout.WriteLine($"{file.Path}: {file.Format}, {file.Statements} statement(s), {file.Added} new, {file.Unchanged} already held");
            }

            host.Stdout.WriteLine($"{report.Applied} new statement(s) apply to findings held now ({report.Changed} finding(s) changed state); {report.Preemptive} match nothing yet and apply to later scans.");
        }

        DiagnosticsPrinter.Write(host.Stderr, report.Diagnostics);
        if (report.Status == OperationStatus.Failed)
        {
            host.Stderr.WriteLine("ctem: nothing was recorded");
        }
    }

    public static void WriteSuggestions(CliHost host, IReadOnlyList<VexSuggestion> suggestions, VexAddOutcome? applied, string format)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(suggestions);
        if (format == OutputFormat.Json)
        {
            VexReportJson.WriteSuggestions(host.Stdout, suggestions, applied);
            return;
        }

        if (suggestions.Count == 0)
        {
            host.Stdout.WriteLine("No suggestion: no evidence Ctem holds answers a finding that no statement answers yet.");
            return;
        }

        foreach (var suggestion in suggestions)
        {
            var why = VexNames.Name(suggestion.Statement.Justification) is { } justification ? $" ({justification})" : "";
            host.Stdout.WriteLine($"Finding {suggestion.Finding.Id}: {suggestion.Finding.Vulnerability.Id} in {suggestion.Finding.ComponentPurl} → {VexNames.Name(suggestion.Statement.State)}{why}");
            foreach (var evidence in suggestion.Statement.Evidence)
            {
                host.Stdout.WriteLine($"  evidence: {evidence}");
            }
        }

        host.Stdout.WriteLine(applied is null
            ? $"{suggestions.Count} suggestion(s); --apply records them with author ctem."
            : $"Recorded {applied.Added.Count} statement(s) with author ctem ({applied.Unchanged} already held).");
    }

    public static void WriteTriage(CliHost host, TriageResult result, string format)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Finding is not { } finding)
        {
            return;
        }

        if (format == OutputFormat.Json)
        {
            VexReportJson.WriteTriage(host.Stdout, finding);
            return;
        }

        var vex = finding.Vex;
        var effect = vex?.Closes == true ? "it leaves the default findings list, the counts and --fail-on" : "it stays open";
        host.Stdout.WriteLine($"Finding {finding.Id}: {finding.Vulnerability.Id} in {finding.ComponentPurl} is {(vex is null ? "unanswered" : VexNames.Name(vex.State))} ({effect}).");
        if (result.Statement is { } statement)
        {
            host.Stdout.WriteLine($"Recorded by {statement.Statement.Author} at {statement.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC as statement {statement.Id}.");
        }
    }
}
