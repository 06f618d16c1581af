using System.Net;
using System.Net.Http.Headers;
using Ctem.Core.Stores;
using Polly;
using Polly.Retry;

namespace Ctem.Engine.Knowledge.Updates;

/// <summary>
/// Conditional GET with retries: sends the stored ETag / Last-Modified, retries transient failures (network errors,
/// timeouts, 408, 429, 5xx) with exponential back-off, and writes the body to a file with a hard size bound.
/// Only HTTPS is used, except to a loopback address (a local mirror or a test server).
/// </summary>
internal sealed class HttpDownloader
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly long _maxBytes;

    public HttpDownloader(HttpClient http, UpdateOptions options)
    {
        _http = http;
        _maxBytes = options.MaxDownloadBytes;

        // Back-off is real waiting on a real network, not business time: it runs on the system clock, and tests
        // shorten it through UpdateOptions.RetryDelay instead of faking it.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System };

        // Polly's retry strategy requires at least one attempt: no retries is no strategy.
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
                    .HandleResult(IsTransient),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    public async Task<(SourceOutcome Outcome, DownloadState? State)> FetchAsync(
        FeedSource source, DownloadState? previous, string destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (source.Url.Scheme != Uri.UriSchemeHttps && !(source.Url.Scheme == Uri.UriSchemeHttp && source.Url.IsLoopback))
        {
            return (Failed(source, "only https:// URLs are fetched (http:// only from a loopback address)"), null);
        }

        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token => await _http.SendAsync(Request(source, previous), HttpCompletionOption.ResponseHeadersRead, token),
                cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return (new SourceOutcome(source.Name, source.Url, DownloadStatus.NotModified, 0, null), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (Failed(source, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"), null);
            }

            if (response.Content.Headers.ContentLength > _maxBytes)
            {
                return (Failed(source, $"{response.Content.Headers.ContentLength} bytes is over the {_maxBytes}-byte limit"), null);
            }

            var written = await CopyBoundedAsync(response, destination, cancellationToken);
            if (written < 0)
            {
                return (Failed(source, $"the body exceeds the {_maxBytes}-byte limit"), null);
            }

            var state = new DownloadState(source.Url.ToString(), response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, now);
            return (new SourceOutcome(source.Name, source.Url, DownloadStatus.Downloaded, written, null), state);
        }
        catch (HttpRequestException ex)
        {
            return (Failed(source, ex.Message), null);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            return (Failed(source, "timed out"), null);
        }
    }

    private static HttpRequestMessage Request(FeedSource source, DownloadState? previous)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        foreach (var (name, value) in source.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (previous?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        return request;
    }

    private async Task<long> CopyBoundedAsync(HttpResponseMessage response, string destination, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = File.Create(destination);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _maxBytes)
            {
                return -1;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private static SourceOutcome Failed(FeedSource source, string message) => new(source.Name, source.Url, DownloadStatus.Failed, 0, message);
}
