using System.CommandLine;
using Ctem.Cli.Hosting;
using Ctem.Cli.Rendering;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Discovery;
using Ctem.Engine.Scoping;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem demo</c>: the whole path on the sample data shipped with Ctem (a real SBOM and the real advisories that
/// concern it). No network, no configuration. Its database is kept (as <c>demo.db</c> beside the default database)
/// until the next demo, so that the findings it shows can be explained afterwards.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var format = FormatOptions.Output(OutputFormat.Lists);
        var serve = new Option<bool>("--serve") { Description = "Also record six simulated weeks of runs before today's, then serve the dashboard and API over the demo database and print a token" };
        var urls = new Option<string>("--urls")
        {
            Description = $"With --serve: where to listen (default: {ServeCommand.DefaultUrls})",
            DefaultValueFactory = _ => ServeCommand.DefaultUrls,
            HelpName = "URL",
        }.NotEmpty();
        var command = new Command("demo", "Run import → scan → findings on bundled sample data in a demo database of its own") { format, serve, urls };
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

            // Built under another name and moved into place when complete: a failed demo leaves the previous one whole.
            var database = DatabaseLocator.DemoDatabase(context.Host.Environment);
            var building = $"{database}.{Guid.NewGuid():N}.building";
            var outputFormat = parseResult.GetValue(format)!;
            try
            {
                var withHistory = parseResult.GetValue(serve);
                var exit = await RunAsync(context, sbom, scope, [advisories, feeds], building, database, outputFormat, withHistory, cancellationToken);
                if (exit != ExitCodes.Ok)
                {
                    return exit;
                }

                if (Keep(context, building, database) is { } failed)
                {
                    return failed;
                }

                if (withHistory)
                {
                    return await DemoServer.RunAsync(context, database, parseResult.GetValue(urls)!, cancellationToken);
                }

                if (outputFormat == OutputFormat.Table)
                {
                    await context.Host.Stdout.WriteLineAsync();
                    await context.Host.Stdout.WriteLineAsync($"The demo database stays at {database}");
                    await context.Host.Stdout.WriteLineAsync("until the next 'ctem demo'. Why a finding has its priority:");
                    await context.Host.Stdout.WriteLineAsync($"  {ExplainCommand(database)}");
                }

                return exit;
            }
            finally
            {
                DeleteWithJournal(building);
            }
        }));
        return command.WithExamples(
            new("ctem demo", "Import, scan and list findings on the bundled sample data"),
            new("ctem demo --serve", "Six weeks of simulated runs, then the dashboard on http://127.0.0.1:8080 with a token to sign in"),
            new("ctem demo --format json | jq '.findings[0]'", "The first finding of the demo as JSON"));
    }

    /// <summary>The command that explains a demo finding, ready to paste into a POSIX shell.</summary>
    public static string ExplainCommand(string database) => $"ctem findings --explain ID --db {ShellWord(database)}";

    private static async Task<int> RunAsync(
        CliContext context, string sbom, string scopeFile, string[] knowledge, string database, string shownAs, string format, bool withHistory, CancellationToken cancellationToken)
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
            // Short lines: this is a newcomer's first screen, often an 80-column terminal.
            await context.Host.Stdout.WriteLineAsync($"Demo: imported {import.Imported} Go vulnerability database advisories and {import.Feeds.Sum(f => f.Records)} EPSS scores");
            await context.Host.Stdout.WriteLineAsync($"into {shownAs}, then scanned the CycloneDX SBOM of");
            await context.Host.Stdout.WriteLineAsync("elastic/harp v0.2.10 (samples/demo; its NOTICE gives sources and licences) with");
            await context.Host.Stdout.WriteLineAsync("samples/demo/ctem.yaml, which declares harp a crown jewel. Most urgent first.");
            await context.Host.Stdout.WriteLineAsync();
        }

        // The sample scope file is part of the build: if it does not load, the build is broken, not the input.
        var scope = ScopeFile.Load(scopeFile, await File.ReadAllTextAsync(scopeFile, cancellationToken), ScopeFileReader.ReadRelated).Document
            ?? throw new InvalidOperationException($"the demo scope file {scopeFile} is invalid");
        if (withHistory)
        {
            var weeks = Directory.CreateTempSubdirectory("ctem-demo-");
            try
            {
                await DemoHistory.RecordAsync(context, store, sbom, scope, weeks.FullName, cancellationToken);
            }
            finally
            {
                weeks.Delete(recursive: true);
            }
        }

        var runner = context.Scanner(store);
        var report = await runner.ScanAsync(new ScanRequest([sbom], null) { Scope = scope, Source = "demo" }, null, cancellationToken);
        ScanReportWriter.Write(context.Host, report, format);
        return ScanReportWriter.ExitCodeOf(report.Status);
    }

    /// <summary>Replaces the previous demo database with the new one; null when done, else the exit code after saying why.</summary>
    private static int? Keep(CliContext context, string built, string database)
    {
        try
        {
            // A journal left beside the old file would be applied to the new one.
            DeleteWithJournal(database);
            File.Move(built, database);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Host.Stderr.WriteLine($"ctem: database error: cannot keep the demo database at {database}: {ex.Message}");
            return ExitCodes.DatabaseError;
        }
    }

    private static void DeleteWithJournal(string database)
    {
        foreach (var file in (string[])[database, database + "-wal", database + "-shm"])
        {
            File.Delete(file);
        }
    }

    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:@%=,".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
