using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Discovery;
using Ctem.Engine.Scoping;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem demo</c>: the whole path on the sample data shipped with Ctem (a real SBOM and the real advisories that
/// concern it), in a temporary database that is deleted afterwards. No network, no configuration.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var format = FormatOptions.Output(OutputFormat.Lists);
        var command = new Command("demo", "Run import → scan → findings on bundled sample data in a temporary database") { format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var samples = Path.Combine(AppContext.BaseDirectory, "samples", "demo");
            var sbom = Path.Combine(samples, "sbom", "harp-darwin-amd64.sbom.json");
            var scope = Path.Combine(samples, ScopeFile.DefaultFileName);
            var advisories = Path.Combine(samples, "advisories");
            var feeds = Path.Combine(samples, "feeds");
            if (!File.Exists(sbom) || !File.Exists(scope) || !Directory.Exists(advisories) || !Directory.Exists(feeds))
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: the demo's sample data is missing under {samples}; rebuild ctem");
                return ExitCodes.InternalError;
            }

            var directory = Directory.CreateTempSubdirectory("ctem-demo-");
            try
            {
                return await RunAsync(context, sbom, scope, [advisories, feeds], Path.Combine(directory.FullName, "demo.db"), parseResult.GetValue(format)!, cancellationToken);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }));
        return command.WithExamples(
            new("ctem demo", "Import, scan and list findings on the bundled sample data"),
            new("ctem demo --format json | jq '.findings[0]'", "The first finding of the demo as JSON"));
    }

    private static async Task<int> RunAsync(CliContext context, string sbom, string scopeFile, string[] knowledge, string database, string format, CancellationToken cancellationToken)
    {
        await using var store = await context.OpenStoreAsync(database, cancellationToken);
        var import = await context.Importer(store).ImportAsync(knowledge, null, cancellationToken);
        if (import.Status != OperationStatus.Succeeded)
        {
            DiagnosticsPrinter.Write(context.Host.Stderr, import.Rejected);
            return ExitCodes.InternalError;
        }

        if (format == OutputFormat.Table)
        {
            await context.Host.Stdout.WriteLineAsync($"Demo: imported {import.Imported} OSV advisories from the Go vulnerability database and {import.Feeds.Sum(f => f.Records)} EPSS scores into a temporary SQLite database,");
            await context.Host.Stdout.WriteLineAsync("then scanned the CycloneDX SBOM of elastic/harp v0.2.10 (samples/demo; see its NOTICE for sources and licences)");
            await context.Host.Stdout.WriteLineAsync("with the scope file samples/demo/ctem.yaml, which declares harp a crown jewel. Most urgent first; 'ctem findings --explain ID' says why.");
            await context.Host.Stdout.WriteLineAsync();
        }

        // The sample scope file is part of the build: if it does not load, the build is broken, not the input.
        var scope = ScopeFile.Load(scopeFile, await File.ReadAllTextAsync(scopeFile, cancellationToken)).Document
            ?? throw new InvalidOperationException($"the demo scope file {scopeFile} is invalid");
        var runner = context.Scanner(store);
        var report = await runner.ScanAsync(new ScanRequest([sbom], null) { Scope = scope }, null, cancellationToken);
        ScanReportWriter.Write(context.Host, report, format);
        return ScanReportWriter.ExitCodeOf(report.Status);
    }
}
