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
        var findings = ScanReportJson.FindingsOf(report);
        if (format == OutputFormat.Json)
        {
            ScanReportJson.Write(host.Stdout, report, findings);
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
}
