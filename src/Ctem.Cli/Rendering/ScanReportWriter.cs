using Ctem.Cli.Hosting;
using Ctem.Core.Model;
using Ctem.Engine.Discovery;
using Ctem.Engine.Knowledge;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>Writes a scan's result in the chosen format, and its diagnostics and undecided checks to stderr.</summary>
public static class ScanReportWriter
{
    /// <summary>Writes the report and returns the findings as shown, for gating.</summary>
    public static IReadOnlyList<FindingView> Write(CliHost host, ScanReport report, string format)
    {
        var findings = FindingView.ByPriority(report.Findings.Select(f =>
            FindingView.From(report.Product?.Name ?? "", f, ScanRunner.SourceName, report.Run?.Findings.GetValueOrDefault(f.Key)).With(report.Exploitation).With(report.CveRecords)));
        if (format == OutputFormat.Json)
        {
            WriteJson(host.Stdout, report, findings);
        }
        else if (format != OutputFormat.Table)
        {
            // A failed scan has no findings to list: only its diagnostics, on stderr.
            if (report.Run is not null)
            {
                OutputFormat.TryWriteList(host.Stdout, format, findings, host.Stderr);
            }
        }
        else if (report.Run is { } run && report.Product is { } product)
        {
            var console = Consoles.Stdout(host);
            console.WriteLine($"Product {product.Name}{(product.Version is null ? "" : " " + product.Version)}: {report.Components} components from {report.Inputs.Count} input(s), run {run.RunId}");
            FindingsTable.Write(console, findings);
            var unmatched = report.Coverage?.Summary() is { } words ? $" {words}." : "";
            // Plain lines, not the console's: a long source name must not wrap differently with every checkout path.
            host.Stdout.WriteLine($"Run {run.RunId}: {run.New} new, {run.Reopened} reopened, {run.Resolved} resolved since source '{report.Source}' last ran.{unmatched}");
            if (ResolvedSummary.Line(run.ResolvedFindings) is { } resolved)
            {
                host.Stdout.WriteLine(resolved);
            }

            if (report.ClosedByVex.Count > 0)
            {
                host.Stdout.WriteLine($"{report.ClosedByVex.Count} more finding(s) answered by VEX (not_affected, false_positive or fixed): 'ctem findings --status all' lists them.");
            }

            if (report.AcceptedRisks.Count > 0)
            {
                host.Stdout.WriteLine($"{report.AcceptedRisks.Count} more finding(s) with an accepted risk (ctem accept), until its end date: 'ctem findings --status all' lists them.");
            }
        }

        DiagnosticsPrinter.Write(host.Stderr, report.Diagnostics);
        foreach (var (reason, count) in report.Undetermined)
        {
            host.Stderr.WriteLine($"note: {count} advisory check(s) left undecided, not guessed: {reason}");
        }

        return findings;
    }

    public static int ExitCodeOf(OperationStatus status) => status switch
    {
        OperationStatus.Succeeded => ExitCodes.Ok,
        OperationStatus.Partial => ExitCodes.Partial,
        _ => ExitCodes.BadInput,
    };

    private static void WriteJson(TextWriter stdout, ScanReport report, IReadOnlyList<FindingView> findings) =>
        JsonOutput.Write(stdout, writer =>
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
