using Ctem.Core.Stores;

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>
/// <c>ctem db update</c>: fetches each source with a conditional request, then imports everything that changed in
/// one transaction. Download states are saved only after the import committed, so a failed import is retried whole.
/// </summary>
public sealed class KnowledgeUpdater(ICtemStore store, KnowledgeImporter importer, HttpClient http, TimeProvider time)
{
    public async Task<UpdateReport> UpdateAsync(UpdateOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var downloader = new HttpDownloader(http, options);
        var directory = Directory.CreateTempSubdirectory("ctem-update-");
        try
        {
            var outcomes = new List<SourceOutcome>();
            var fetched = new List<(string Path, DownloadState? State)>();
            foreach (var source in options.Sources)
            {
                progress?.Report($"fetching {source.Name}");
                var previous = await store.GetDownloadStateAsync(source.Url.ToString(), cancellationToken);
                var path = Path.Combine(directory.FullName, source.FileName);
                var (outcome, state) = await downloader.FetchAsync(source, previous, path, time.GetUtcNow(), cancellationToken);
                outcomes.Add(outcome);
                if (state is not null)
                {
                    fetched.Add((path, state));
                }
            }

            if (options.Nvd is { } nvd)
            {
                progress?.Report("fetching the NVD CVE API");
                var previous = await store.GetDownloadStateAsync(nvd.BaseUrl, cancellationToken);
                var (outcome, pages, state) = await new NvdFetcher(downloader, nvd).FetchAsync(previous, directory.FullName, time.GetUtcNow(), cancellationToken);
                outcomes.Add(outcome);
                if (state is not null && pages.Count == 0)
                {
                    await store.SaveDownloadStateAsync(state, cancellationToken);
                }
                else if (state is not null)
                {
                    fetched.AddRange(pages.Select((page, i) => (page, i == pages.Count - 1 ? state : null)));
                }
            }

            if (fetched.Count == 0)
            {
                return new UpdateReport(outcomes, null);
            }

            progress?.Report($"importing {fetched.Count} download(s)");
            var import = await importer.ImportAsync(fetched.Select(f => f.Path).ToList(), null, cancellationToken);
            if (import.Status != OperationStatus.Failed)
            {
                foreach (var state in fetched.Select(f => f.State).OfType<DownloadState>())
                {
                    await store.SaveDownloadStateAsync(state, cancellationToken);
                }
            }

            return new UpdateReport(outcomes, import);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
