using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Stores;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Prioritization;
using Ctem.Plugins;
using Spectre.Console;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem db import|status</c>: the knowledge base of advisories.</summary>
public static class DbCommand
{
    public static Command Create(CliContext context) =>
        new Command("db", "Manage the vulnerability knowledge base") { CreateImport(context), DbUpdateCommand.Create(context), CreateStatus(context) }.WithExamples(
            new("ctem db update", "Download the latest advisories, KEV and EPSS"),
            new("ctem db import ~/osv/Go.zip", "Import an osv.dev export, offline"),
            new("ctem db status", "What the knowledge base holds"));

    private static Command CreateImport(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "OSV JSON files, directories of them, or osv.dev all.zip exports", Arity = ArgumentArity.OneOrMore };
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("import", "Import advisories (offline): OSV JSON files, directories, or osv.dev zip exports") { paths, format };
        var scopeOption = new ScopeOption("nothing was imported");
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (scopeOption.Read(context, parseResult, null, out var refused) is not { } scope)
            {
                return refused;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var importer = context.Importer(store);
            var report = await LiveStatus.RunAsync(context.Host, "importing…", progress =>
                importer.ImportAsync(parseResult.GetValue(paths)!, progress is null ? null : new CountReporter(progress), cancellationToken));
            report = await ReassessAsync(context, store, report, cancellationToken);
            WriteImportReport(context, report, parseResult.GetValue(format)!);
            if (report.Status != OperationStatus.Failed)
            {
                await NotifyCommand.AfterAsync(context, store, scope, null, cancellationToken);
            }

            return ScanReportWriter.ExitCodeOf(report.Status);
        }));
        return command.WithExamples(
            new("ctem db import ~/osv/Go.zip ~/osv/npm.zip", "Import osv.dev exports, offline"),
            new("ctem db import known_exploited_vulnerabilities.json epss_scores-current.csv.gz", "Import the KEV catalogue and EPSS scores; open findings are re-assessed"));
    }

    /// <summary>Re-matches and re-assesses what the import changed (<see cref="KnowledgeReassessment"/>).</summary>
    internal static Task<ImportReport> ReassessAsync(CliContext context, ICtemStore store, ImportReport report, CancellationToken cancellationToken) =>
        KnowledgeReassessment.RunAsync(store, context.Reanalyzer(store), context.Host.Time, report, cancellationToken);

    internal static void WriteImportReport(CliContext context, ImportReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(context.Host.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
                writer.WriteNumber("read", report.Read);
                writer.WriteNumber("imported", report.Imported);
                writer.WriteNumber("updated", report.Updated);
                writer.WriteNumber("unchanged", report.Unchanged);
                writer.WriteNumber("older", report.Older);
                writer.WriteNumber("withdrawn", report.Withdrawn);
                writer.WriteStartObject("cveRecords");
                writer.WriteNumber("read", report.CveRecords.Read);
                writer.WriteNumber("imported", report.CveRecords.Imported);
                writer.WriteNumber("updated", report.CveRecords.Updated);
                writer.WriteNumber("unchanged", report.CveRecords.Unchanged);
                writer.WriteNumber("older", report.CveRecords.Older);
                writer.WriteEndObject();
                writer.WriteNumber("rejected", report.Status == OperationStatus.Failed ? 0 : report.Rejected.Count);
                writer.WriteStartArray("feeds");
                foreach (var feed in report.Feeds)
                {
                    writer.WriteStartObject();
                    writer.WriteString("source", feed.Source);
                    writer.WriteString("version", feed.Version);
                    JsonOutput.WriteTime(writer, "publishedAt", feed.PublishedAt);
                    writer.WriteNumber("records", feed.Records);
                    writer.WriteString("outcome", feed.Outcome.ToString().ToLowerInvariant());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (report.Reprioritized is { } reassessed)
                {
                    writer.WriteStartObject("reprioritized");
                    writer.WriteNumber("assessed", reassessed.Assessed);
                    writer.WriteNumber("priorityChanged", reassessed.PriorityChanged);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("reprioritized");
                }

                if (report.Reanalyzed is { } reanalyzed)
                {
                    writer.WriteStartObject("reanalyzed");
                    writer.WriteNumber("inventories", reanalyzed.Inventories);
                    writer.WriteNumber("products", reanalyzed.Products);
                    writer.WriteNumber("findingsChanged", reanalyzed.Changed);
                    writer.WriteNumber("new", reanalyzed.New);
                    writer.WriteNumber("reopened", reanalyzed.Reopened);
                    writer.WriteNumber("resolved", reanalyzed.Resolved);
                    writer.WriteNumber("priorityChanged", reanalyzed.PriorityChanged);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("reanalyzed");
                }

                JsonOutput.WriteDiagnostics(writer, report.Rejected);
                writer.WriteEndObject();
            });
        }
        else if (report.Status != OperationStatus.Failed)
        {
            if (report.CveRecords is { Read: > 0 } cve)
            {
                context.Host.Stdout.WriteLine(
                    $"Read {cve.Read} CVE record(s): {cve.Imported} imported, {cve.Updated} updated, {cve.Unchanged} unchanged, {cve.Older} older than stored (skipped).");
            }

            if (report.Read > 0 || (report.Feeds.Count == 0 && report.CveRecords.Read == 0))
            {
                context.Host.Stdout.WriteLine(
                $"Read {report.Read} record(s): {report.Imported} imported, {report.Updated} updated, {report.Unchanged} unchanged, "
                + $"{report.Older} older than stored (skipped), {report.Withdrawn} withdrawn (stored, never matched), {report.Rejected.Count} rejected.");
            }

            foreach (var feed in report.Feeds)
            {
                context.Host.Stdout.WriteLine(
                    $"{feed.Source}{(feed.Version is null ? "" : " " + feed.Version)} ({Day(feed.PublishedAt)}): {feed.Records} record(s), {feed.Outcome.ToString().ToLowerInvariant()}.");
            }

            if (report.Reanalyzed is { Inventories: > 0 } reanalyzed)
            {
                context.Host.Stdout.WriteLine(
                    $"Re-analysed {reanalyzed.Inventories} stored inventor{(reanalyzed.Inventories == 1 ? "y" : "ies")} holding the changed packages: "
                    + $"{reanalyzed.Changed} finding(s) changed in {reanalyzed.Products} product(s) ({reanalyzed.New} new, {reanalyzed.Reopened} reopened, "
                    + $"{reanalyzed.Resolved} resolved, {reanalyzed.PriorityChanged} priority changed).");
            }

            if (report.Reprioritized is { Assessed: > 0 } reassessed)
            {
                context.Host.Stdout.WriteLine($"Re-assessed {reassessed.Assessed} open finding(s) with the new facts: {reassessed.PriorityChanged} changed priority.");
            }
        }

        if (report.Status == OperationStatus.Failed)
        {
            context.Host.Stderr.WriteLine("ctem: import failed; the knowledge base is unchanged.");
        }

        DiagnosticsPrinter.Write(context.Host.Stderr, report.Rejected);
    }

    private static Command CreateStatus(CliContext context)
    {
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("status", "Show what the knowledge base holds, per source and ecosystem") { format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var rows = await store.GetKnowledgeStatusAsync(cancellationToken);
            var feeds = await store.GetFeedStatusAsync(cancellationToken);
            var cveRecords = await store.GetCveRecordStatusAsync(cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                KnowledgeStatusJson.Write(context.Host.Stdout, store.Description, rows, feeds, cveRecords);
                return ExitCodes.Ok;
            }

            var console = Consoles.Stdout(context.Host);
            console.WriteLine($"Database: {store.Description}");
            if (rows.Count == 0 && feeds.Count == 0 && cveRecords.Count == 0)
            {
                console.WriteLine("The knowledge base is empty. Import advisories with 'ctem db import PATH'.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Source", "Ecosystem", "Advisories", "Withdrawn", "Latest modified", "Last imported");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Source), Markup.Escape(row.Ecosystem), row.Advisories.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    row.Withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture), Day(row.LatestModified), Day(row.LastImportedAt));
            }

            if (rows.Count > 0)
            {
                console.Write(table);
                console.WriteLine($"{rows.Sum(r => r.Advisories)} advisories listed across {rows.Count} (source, ecosystem) pair(s); an advisory naming several ecosystems counts in each.");
            }

            if (feeds.Count > 0)
            {
                var feedTable = new Table().Border(TableBorder.Rounded).AddColumns("Feed", "Version", "Published", "Records", "Last imported");
                foreach (var feed in feeds)
                {
                    feedTable.AddRow(Markup.Escape(feed.Source), Markup.Escape(feed.Version ?? ""), Day(feed.PublishedAt),
                        feed.Records.ToString(System.Globalization.CultureInfo.InvariantCulture), Day(feed.ImportedAt));
                }

                console.Write(feedTable);
            }

            if (cveRecords.Count > 0)
            {
                var cveTable = new Table().Border(TableBorder.Rounded).AddColumns("CVE records", "Records", "Latest modified", "Last imported");
                foreach (var row in cveRecords)
                {
                    cveTable.AddRow(row.Database, row.Records.ToString(System.Globalization.CultureInfo.InvariantCulture), Day(row.LatestModified), Day(row.LastImportedAt));
                }

                console.Write(cveTable);
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem db status", "What the knowledge base holds, per source and ecosystem, and its feeds"),
            new("ctem db status --format json", "The same as JSON"));
    }

    private static string Day(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private sealed class CountReporter(IProgress<string> status) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value % 500 == 0)
            {
                status.Report($"importing… {value} records read");
            }
        }
    }
}
