using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// Sends a tracker's REST requests with its authorization, and retries what the tracker asks to be retried: 429 and
/// 503 after their Retry-After, GitHub's 403 of a primary limit (x-ratelimit-remaining 0, until x-ratelimit-reset) or
/// of a secondary limit (Retry-After, else a minute), and for requests safe to repeat, other 5xx with back-off. Only the
/// configured host is ever called.
/// </summary>
internal sealed class TrackerHttp
{
    private readonly HttpClient _http;
    private readonly Uri _root;
    private readonly string _name;
    private readonly Action<HttpRequestHeaders> _authorize;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _repeatable;
    private readonly ResiliencePipeline<HttpResponseMessage> _creating;

    public TrackerHttp(HttpClient http, Uri root, string name, Action<HttpRequestHeaders> authorize, TrackerOptions options, TimeProvider time)
    {
        _http = http;
        _root = root;
        _name = name;
        _authorize = authorize;
        _time = time;
        _repeatable = Pipeline(options, repeatable: true);
        _creating = Pipeline(options, repeatable: false);
    }

    /// <summary>The host and port every URL must have; a link elsewhere is not followed.</summary>
    public bool IsOwnUrl(Uri url) => Uri.Compare(url, _root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public Uri Url(string relative) => new(_root, relative);

    /// <param name="read">A POST that only reads (a search): safe to repeat after any failure, as a GET is.</param>
    public async Task<(JsonNode? Body, HttpResponseHeaders Headers)> SendAsync(
        HttpMethod method, Uri url, JsonNode? body, string what, CancellationToken cancellationToken, bool read = false)
    {
        if (!IsOwnUrl(url))
        {
            throw new TrackerException($"{_name}: {what}: refusing to call {url.GetLeftPart(UriPartial.Authority)}, not the configured host");
        }

        // A POST that creates is retried only when the tracker says it did not process it (a rate limit), never after a
        // 5xx, which may have created the issue: a duplicate ticket is worse than a failed sync that is run again.
        var pipeline = method == HttpMethod.Post && !read ? _creating : _repeatable;
        try
        {
            return await SendAsync(pipeline, method, url, body, what, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TrackerException($"{_name}: {what}: {e.Message}");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new TrackerException($"{_name}: {what}: timed out");
        }
    }

    private async Task<(JsonNode? Body, HttpResponseHeaders Headers)> SendAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, HttpMethod method, Uri url, JsonNode? body, string what, CancellationToken cancellationToken)
    {
        using var response = await pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, url);
                _authorize(request.Headers);
                if (body is not null)
                {
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                return await _http.SendAsync(request, token);
            },
            cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new TrackerException($"{_name}: {what}: {Explain(response.StatusCode)}");
        }

        return (text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    private static string Explain(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "HTTP 401 Unauthorized: the token was refused; check the environment variable the scope file names",
        HttpStatusCode.Forbidden => "HTTP 403 Forbidden: the token may not do this here, or the rate limit held after the retries",
        HttpStatusCode.NotFound => "HTTP 404 Not Found: the repository, project or ticket does not exist, or the token cannot see it",
        HttpStatusCode.TooManyRequests => "HTTP 429 Too Many Requests: still rate-limited after the retries; run it again later",
        _ => $"HTTP {(int)status} {status}",
    };

    private ResiliencePipeline<HttpResponseMessage> Pipeline(TrackerOptions options, bool repeatable)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System };
        if (options.Retries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.Retries,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response
                ? RateLimited(response) || (repeatable && (int)response.StatusCode >= 500)
                : repeatable && args.Outcome.Exception is HttpRequestException),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? Wait(response, options) : null),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return default;
            },
        }).Build();
    }

    private static bool RateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
        || (response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0"));

    /// <summary>How long the tracker asks to wait, capped; null leaves Polly's back-off.</summary>
    private TimeSpan? Wait(HttpResponseMessage response, TrackerOptions options)
    {
        TimeSpan? asked = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            asked = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _time.GetUtcNow() : null);
        }
        else if (Header(response, "x-ratelimit-remaining") == "0"
                 && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            asked = DateTimeOffset.FromUnixTimeSeconds(reset) - _time.GetUtcNow();
        }
        else if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // GitHub's secondary limit without Retry-After: wait at least a minute.
            asked = TimeSpan.FromMinutes(1);
        }

        return asked is null ? null : TimeSpan.FromTicks(Math.Clamp(asked.Value.Ticks, 0, options.MaxWait.Ticks));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <param name="Retries">Retries after the first attempt (default 3).</param>
/// <param name="RetryDelay">The first back-off when the tracker names no wait, doubled at each retry (default 2 s).</param>
/// <param name="MaxWait">The longest wait a tracker's Retry-After or reset time is honoured for (default 2 min).</param>
public sealed record TrackerOptions(int Retries, TimeSpan RetryDelay, TimeSpan MaxWait)
{
    public static TrackerOptions Default { get; } = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));
}
