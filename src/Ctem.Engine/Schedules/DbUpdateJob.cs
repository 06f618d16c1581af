using Ctem.Core.Scoping;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Knowledge.Updates;

namespace Ctem.Engine.Schedules;

/// <summary>
/// <c>ctem db update</c> on a schedule: the same downloads and import, then the re-analysis of what the new advisories
/// touch (the reverse index) and the re-assessment after feed changes, then the notifications the scope file configures.
/// </summary>
internal sealed class DbUpdateJob(ScheduledJobServices services)
{
    public async Task<ScheduledJobOutcome> RunAsync(ScheduledDbUpdate update, ScopeDocument scope, CancellationToken cancellationToken)
    {
        var selection = new FeedSelection(update.Sources, update.Ecosystems, update.Urls);
        var options = UpdateOptions.For(selection.Feeds()) with
        {
            Retries = update.Retries,
            RetryDelay = services.RetryDelay,
            Nvd = selection.Nvd(services.Environment, services.NvdRateWindow),
        };
        var report = await new KnowledgeUpdater(services.Store, services.Importer, services.Http, services.Time).UpdateAsync(options, null, cancellationToken);
        if (report.Import is { } imported)
        {
            report = report with { Import = await KnowledgeReassessment.RunAsync(services.Store, services.Reanalyzer, services.Time, imported, cancellationToken) };
        }

        var importFailed = report.Import is { Status: OperationStatus.Failed };
        var notified = importFailed ? null : await NotifyJob.AfterAsync(services, scope, null, cancellationToken);
        return new ScheduledJobOutcome(!report.AnyFailed && !importFailed, string.Join("; ", Describe(report).Append(notified).OfType<string>()));
    }

    private static IEnumerable<string> Describe(UpdateReport report)
    {
        foreach (var source in report.Sources)
        {
            yield return source.Status switch
            {
                DownloadStatus.Downloaded => $"{source.Name}: downloaded, {source.Bytes} bytes",
                DownloadStatus.NotModified => $"{source.Name}: not modified",
                _ => $"{source.Name}: FAILED: {source.Message}",
            };
        }

        if (report.Import is { } import)
        {
            yield return $"import {import.Status.ToString().ToLowerInvariant()}: {import.Imported} new, {import.Updated} updated, {import.Unchanged} unchanged, {import.Rejected.Count} rejected";
            if (import.Reanalyzed is { } reanalyzed)
            {
                yield return $"re-analysed {reanalyzed.Inventories} inventories of {reanalyzed.Products} products: {reanalyzed.New} new, {reanalyzed.Reopened} reopened, {reanalyzed.Resolved} resolved";
            }

            if (import.Reprioritized is { } reprioritized)
            {
                yield return $"re-assessed {reprioritized.Assessed} open findings, {reprioritized.PriorityChanged} changed priority";
            }
        }
    }
}
