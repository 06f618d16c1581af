using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Discovery;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Spectre.Console;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem ingest FILE... [--format-in NAME] [--product P] [--format table|json]</c>: third-party scanner reports into the product's findings.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("file") { Description = "Scanner reports (Trivy, Grype, SARIF, …), or directories of them", Arity = ArgumentArity.OneOrMore };
        string[] reportFormats = [.. BuiltInPlugins.ReportParsers.Select(p => p.Name)];
        var formatIn = FormatOptions.Input(reportFormats);
        var product = new Option<string?>("--product") { Description = "Product the findings belong to (default: the report's target, else the file name)" }.NotEmpty();

        // --format named the input format here before it meant the output everywhere: tell scripts that still use it so.
        var format = FormatOptions.Output(OutputFormat.Reports, hint: given =>
            Choices.Find(given, reportFormats) is { } input ? $"the input format is --format-in {input}" : null);
        var deprecatedOutput = FormatOptions.Deprecated("--output-format", OutputFormat.Reports);
        var source = SourceOption.Create("the tool plus the report's target");
        var scopeOption = new ScopeOption();
        var command = new Command("ingest", "Import third-party scanner reports into the findings store: deduplicated across tools and with Ctem's own scans")
        {
            paths, formatIn, product, source, format, deprecatedOutput,
        };
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (scopeOption.Read(context, parseResult, parseResult.GetValue(product), out var refused) is not { } scope)
            {
                return refused;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            await ExpiredAcceptances.EndAsync(context, store, cancellationToken);
            var ingester = new ReportIngester(store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, context.Reader, context.Host.Time);
            var request = new IngestRequest(parseResult.GetValue(paths)!, parseResult.GetValue(product), parseResult.GetValue(formatIn)) { Scope = scope, Source = parseResult.GetValue(source) };
            var report = await ingester.IngestAsync(request, cancellationToken);
            Write(context, report, FormatOptions.Read(context, parseResult, format, deprecatedOutput));
            if (report.Status != OperationStatus.Failed && report.Product is { } ingested)
            {
                await NotifyCommand.AfterAsync(context, store, scope, ingested.Name, cancellationToken);
            }

            return ScanReportWriter.ExitCodeOf(report.Status);
        }));
        return command.WithExamples(
            new("ctem ingest trivy.json grype.json --product payments-api", "Import two tools' reports into the product's findings, without duplicates"),
            new("ctem ingest reports/ --format json", "Every report in a directory, the result as JSON"),
            new("ctem ingest scan.out --format-in sarif", "Read a file as SARIF instead of detecting its format"));
    }

    private static void Write(CliContext context, IngestReport report, string format)
    {
        var findings = IngestReportJson.FindingsOf(report);
        if (format == OutputFormat.Json)
        {
            IngestReportJson.Write(context.Host.Stdout, report, findings);
        }
        else if (report.Status != OperationStatus.Failed)
        {
            var console = Consoles.Stdout(context.Host);
            foreach (var file in report.Files)
            {
                // Plain lines: a path must not wrap differently with every checkout, and stays whole for copying.
                context.Host.Stdout.WriteLine($"{file.Path}: {file.Format}, {file.Tool}{(file.Target is null ? "" : " on " + file.Target)}, {file.Findings} finding(s)");
            }

            console.WriteLine($"Product {report.Product?.Name}:");
            FindingsTable.Write(console, findings);
            foreach (var run in report.Runs)
            {
                // Plain lines, not the console's: a long source name must not wrap differently with every checkout path.
                context.Host.Stdout.WriteLine($"Run {run.Outcome.RunId}, {run.Tool}: {run.Findings.Count} finding(s), {run.Outcome.New} new, {run.Outcome.Reopened} reopened, {run.Outcome.Resolved} resolved since source '{run.Source}' last ran.");
                if (ResolvedSummary.Line(run.Outcome.ResolvedFindings) is { } resolved)
                {
                    context.Host.Stdout.WriteLine(resolved);
                }
            }
        }

        if (report.Status == OperationStatus.Failed)
        {
            context.Host.Stderr.WriteLine("ctem: nothing was ingested (see below); the findings store is unchanged.");
        }

        DiagnosticsPrinter.Write(context.Host.Stderr, report.Diagnostics);
    }
}
