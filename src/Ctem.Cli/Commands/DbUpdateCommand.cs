using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Model;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Knowledge.Updates;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem db update</c>: the connected path to the knowledge base — osv.dev exports per ecosystem, CISA KEV and FIRST
/// EPSS, fetched with conditional requests and retries, imported in one transaction. <c>ctem db import</c> is the
/// offline path for the same files.
/// </summary>
public static class DbUpdateCommand
{
    public static Command Create(CliContext context)
    {
        var sources = new Option<string[]>("--source")
        {
            Description = "Sources to fetch: osv, kev, epss, cve (CVE JSON 5 records), nvd (NVD CVE API 2.0, incremental; NVD_API_KEY raises the rate limit) (repeatable; default: osv, kev, epss)",
            AllowMultipleArgumentsPerToken = true,
        }.EachOneOf("source", FeedSelection.AllSources);
        var ecosystems = new Option<string[]>("--ecosystem")
        {
            Description = $"OSV ecosystems to fetch, as OSV names them, optionally with a release (Debian:12) (repeatable; default: {string.Join(", ", FeedSources.DefaultEcosystems)})",
            HelpName = "ecosystem",
            AllowMultipleArgumentsPerToken = true,
        }.Each("OSV ecosystem", Ecosystems.OsvNames, given => Choices.FindEcosystem(given, Ecosystems.OsvNames));
        var osvUrl = new Option<string>("--osv-url") { Description = "Base URL of the OSV exports (a mirror)", DefaultValueFactory = _ => FeedSources.OsvBaseUrl }.HttpUrl();
        var kevUrl = new Option<string>("--kev-url") { Description = "URL of the KEV catalogue JSON", DefaultValueFactory = _ => FeedSources.KevUrl }.HttpUrl();
        var epssUrl = new Option<string>("--epss-url") { Description = "URL of the EPSS scores CSV (.csv.gz)", DefaultValueFactory = _ => FeedSources.EpssUrl }.HttpUrl();
        var cveUrl = new Option<string>("--cve-url") { Description = "URL of a zip of CVE JSON 5 records in the cvelistV5 layout", DefaultValueFactory = _ => FeedSources.CveUrl }.HttpUrl();
        var nvdUrl = new Option<string>("--nvd-url") { Description = "Base URL of the NVD CVE API 2.0 (a mirror)", DefaultValueFactory = _ => FeedSources.NvdUrl }.HttpUrl();
        var retries = new Option<int>("--retries") { Description = "Retries per download for transient failures", DefaultValueFactory = _ => 3 }.Between(0, 10);
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("update", "Download and import the latest OSV exports, CISA KEV and FIRST EPSS (needs network)")
        {
            sources, ecosystems, osvUrl, kevUrl, epssUrl, cveUrl, nvdUrl, retries, format,
        };
        var scopeOption = new ScopeOption("nothing was downloaded");
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (scopeOption.Read(context, parseResult, null, out var refused) is not { } scope)
            {
                return refused;
            }

            var selection = new FeedSelection(
                parseResult.GetValue(sources) ?? [],
                parseResult.GetValue(ecosystems) ?? [],
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["osv"] = parseResult.GetValue(osvUrl)!,
                    ["kev"] = parseResult.GetValue(kevUrl)!,
                    ["epss"] = parseResult.GetValue(epssUrl)!,
                    ["cve"] = parseResult.GetValue(cveUrl)!,
                    ["nvd"] = parseResult.GetValue(nvdUrl)!,
                });
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var updater = new KnowledgeUpdater(store, context.Importer(store), context.Http, context.Host.Time);
            var options = UpdateOptions.For(selection.Feeds()) with { Retries = parseResult.GetValue(retries), RetryDelay = context.RetryDelay, Nvd = selection.Nvd(context.Host.Environment, context.NvdRateWindow) };
            var report = await LiveStatus.RunAsync(context.Host, "updating…", progress => updater.UpdateAsync(options, progress, cancellationToken));
            if (report.Import is { } imported)
            {
                report = report with { Import = await DbCommand.ReassessAsync(context, store, imported, cancellationToken) };
            }

            Write(context, report, parseResult.GetValue(format)!);
            if (report.Import is null or { Status: not OperationStatus.Failed })
            {
                await NotifyCommand.AfterAsync(context, store, scope, null, cancellationToken);
            }

            if (report.AnyFailed)
            {
                return ExitCodes.DatabaseError;
            }

            return report.Import is null ? ExitCodes.Ok : ScanReportWriter.ExitCodeOf(report.Import.Status);
        }));
        return command.WithExamples(
            new("ctem db update", "Fetch OSV (default ecosystems), CISA KEV and FIRST EPSS"),
            new("NVD_API_KEY=… ctem db update --source nvd --source cve", "Fetch NVD (incrementally after the first time) and the CVE records"),
            new("ctem db update --osv-url https://mirror.example/osv --retries 0", "Fetch from a mirror, without retrying"));
    }

    private static void Write(CliContext context, UpdateReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(context.Host.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("sources");
                foreach (var source in report.Sources)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", source.Name);
                    writer.WriteString("url", source.Url.ToString());
                    writer.WriteString("status", source.Status switch { DownloadStatus.Downloaded => "downloaded", DownloadStatus.NotModified => "not-modified", _ => "failed" });
                    writer.WriteNumber("bytes", source.Bytes);
                    writer.WriteString("message", source.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartObject("import");
                if (report.Import is { } import)
                {
                    writer.WriteString("status", import.Status.ToString().ToLowerInvariant());
                    writer.WriteNumber("imported", import.Imported);
                    writer.WriteNumber("updated", import.Updated);
                    writer.WriteNumber("unchanged", import.Unchanged);
                    writer.WriteNumber("rejected", import.Rejected.Count);
                    writer.WriteNumber("reprioritized", import.Reprioritized?.Assessed ?? 0);
                    writer.WriteNumber("priorityChanged", import.Reprioritized?.PriorityChanged ?? 0);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }
        else
        {
            foreach (var source in report.Sources)
            {
                var what = source.Status switch
                {
                    DownloadStatus.Downloaded => $"downloaded, {source.Bytes} bytes",
                    DownloadStatus.NotModified => "not modified since the last update",
                    _ => $"FAILED: {source.Message}",
                };
                context.Host.Stdout.WriteLine($"{source.Name}: {what}");
            }

            if (report.Import is { } import)
            {
                DbCommand.WriteImportReport(context, import, format);
                return;
            }
        }

        if (report.Import is { } rejected)
        {
            DiagnosticsPrinter.Write(context.Host.Stderr, rejected.Rejected);
        }
    }
}
