using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Ctem.Core.Stores;

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>
/// Fetches the NVD CVE API 2.0: everything the first time, afterwards only what changed since the last successful
/// import, in lastModStartDate/lastModEndDate windows of at most 120 days, page by page, within NVD's rate limit.
/// Each page is a file the importer reads as it is; the state saved after the import is the end of the last window.
/// </summary>
internal sealed class NvdFetcher(HttpDownloader downloader, NvdOptions options)
{
    public async Task<(SourceOutcome Outcome, IReadOnlyList<string> Pages, DownloadState? State)> FetchAsync(
        DownloadState? previous, string directory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri(options.BaseUrl);
        using var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerWindow,
            Window = options.RateWindow,
            SegmentsPerWindow = 6,
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var pages = new List<string>();
        long bytes = 0;
        var records = 0;
        foreach (var (from, to) in NvdRequests.Windows(previous?.LastModified, now))
        {
            var start = 0;
            int total;
            do
            {
                using var lease = await limiter.AcquireAsync(1, cancellationToken);
                var page = Path.Combine(directory, $"nvd-{pages.Count:D5}.json");
                var source = new FeedSource($"NVD CVE API page {pages.Count + 1}", NvdRequests.PageUrl(baseUrl, start, from, to), Path.GetFileName(page))
                {
                    Headers = options.ApiKey is { } key ? new Dictionary<string, string> { ["apiKey"] = key } : new Dictionary<string, string>(),
                };
                var (outcome, _) = await downloader.FetchAsync(source, null, page, now, cancellationToken);
                if (outcome.Status != DownloadStatus.Downloaded)
                {
                    return (outcome with { Name = "NVD CVE API", Url = baseUrl }, [], null);
                }

                if (PageCounts(page) is not { } counts)
                {
                    return (new SourceOutcome("NVD CVE API", baseUrl, DownloadStatus.Failed, bytes, $"page {pages.Count + 1} is not an NVD CVE API response"), [], null);
                }

                pages.Add(page);
                bytes += outcome.Bytes;
                records += counts.Returned;
                total = counts.Total;
                start += Math.Max(counts.Returned, 1);
            }
            while (start < total);
        }

        var message = $"{pages.Count} page(s), {records} record(s){(previous?.LastModified is { } since ? " modified since " + since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "")}";
        // Nothing changed since the last update: no pages to import (an empty import is a failure), the window still advances.
        return (new SourceOutcome("NVD CVE API", baseUrl, DownloadStatus.Downloaded, bytes, message), records == 0 ? [] : pages, new DownloadState(baseUrl.ToString(), null, now, now));
    }

    private static (int Returned, int Total)? PageCounts(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("totalResults", out var total) && total.TryGetInt32(out var totalResults)
                && root.TryGetProperty("vulnerabilities", out var list) && list.ValueKind == JsonValueKind.Array
                ? (list.GetArrayLength(), totalResults)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
