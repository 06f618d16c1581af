using Ctem.Core.Diagnostics;
using Ctem.Core.Scoping;
using Ctem.Engine.Discovery;
using Ctem.Engine.Knowledge.Updates;
using Ctem.Engine.Mobilization.Acceptance;

namespace Ctem.Engine.Schedules;

/// <summary>
/// <c>ctem scan PATH --product P --source S</c> on a schedule. A URL is downloaded first, with the retries of
/// <c>db update</c>, into a directory of its own that is removed afterwards.
/// </summary>
internal sealed class RescanJob(ScheduledJobServices services)
{
    public async Task<ScheduledJobOutcome> RunAsync(ScheduledRescan rescan, ScopeDocument scope, CancellationToken cancellationToken)
    {
        if (rescan.Url is null)
        {
            return await ScanAsync(rescan, rescan.Paths, scope, cancellationToken);
        }

        var directory = Directory.CreateTempSubdirectory("ctem-rescan-");
        try
        {
            var source = new FeedSource($"{rescan.Product} {rescan.Source}", rescan.Url, FileNameOf(rescan.Url));
            var options = UpdateOptions.For([source]) with { Retries = rescan.Retries, RetryDelay = services.RetryDelay };
            var destination = Path.Combine(directory.FullName, source.FileName);
            var (outcome, _) = await new HttpDownloader(services.Http, options).FetchAsync(source, null, destination, services.Time.GetUtcNow(), cancellationToken);
            return outcome.Status == DownloadStatus.Failed
                ? new ScheduledJobOutcome(false, $"{rescan.Url}: {outcome.Message}")
                : await ScanAsync(rescan, [destination], scope, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task<ScheduledJobOutcome> ScanAsync(ScheduledRescan rescan, IReadOnlyList<string> paths, ScopeDocument scope, CancellationToken cancellationToken)
    {
        await AcceptanceExpiry.RunAsync(services.Store, services.Time, cancellationToken);
        var request = new ScanRequest(paths, rescan.Product) { Scope = scope, Source = rescan.Source };
        var report = await services.Scanner.ScanAsync(request, null, cancellationToken);
        if (report.Run is not { } run)
        {
            return new ScheduledJobOutcome(false, string.Join("; ", report.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        var notified = await NotifyJob.AfterAsync(services, scope, report.Product?.Name, cancellationToken);
        var summary = $"run {run.RunId}: {report.Components} components, {report.Findings.Count} findings ({run.New} new, {run.Reopened} reopened, {run.Resolved} resolved)";
        var problems = report.Diagnostics.Count(d => d.IsError);
        return new ScheduledJobOutcome(
            report.Status == Knowledge.OperationStatus.Succeeded,
            string.Join("; ", new[] { summary, problems > 0 ? $"{problems} input problem(s): {report.Diagnostics.First(d => d.IsError)}" : null, notified }.OfType<string>()));
    }

    // The SBOM keeps its name (parsers recognise some formats by it), without anything a path could be made of.
    private static string FileNameOf(Uri url)
    {
        var name = Path.GetFileName(url.AbsolutePath);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')).TrimStart('.');
        return safe.Length == 0 ? "sbom.json" : safe;
    }
}
