using System.Net;
using Polly;
using Polly.Retry;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// POSTs a body to the one configured URL: HTTPS, or HTTP to a loopback address only; redirects are never followed (a
/// 3xx is a failure, so a body and its signature go nowhere but where the scope file says); transient failures
/// (network errors, timeouts, 408, 429, 5xx) are retried with exponential back-off.
/// </summary>
public sealed class HttpPoster
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HttpPoster(HttpClient http, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;

        // Back-off is real waiting on a real network: it runs on the system clock, as downloads' does.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System };
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
                    .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>An HTTP client that never follows redirects, for <see cref="HttpPoster"/>; one per process.</summary>
    public static HttpClient CreateClient(TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = timeout }) { Timeout = timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ctem/0.1");
        return client;
    }

    /// <summary>Null when <paramref name="url"/> may be called; else why not.</summary>
    public static string? Refuse(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
            ? null
            : "only https:// URLs are called (http:// only to a loopback address)";
    }

    /// <summary>Sends <paramref name="body"/> as JSON with the given headers; the request is rebuilt for each attempt.</summary>
    public async Task<Delivery> PostJsonAsync(Uri url, byte[] body, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (Refuse(url) is { } refused)
        {
            return Delivery.Failed(refused);
        }

        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };

                    // A fresh connection per attempt: a retry after a server error must not race the server closing
                    // the connection it answered on, and notifications are too rare for pooling to matter.
                    request.Headers.ConnectionClose = true;
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    foreach (var (name, value) in headers)
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                },
                cancellationToken);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => Delivery.Accepted,
                >= 300 and < 400 => Delivery.Failed($"HTTP {status}: a redirect, not followed (only the configured URL is called)"),
                _ => Delivery.Failed($"HTTP {status} {response.ReasonPhrase}"),
            };
        }
        catch (HttpRequestException ex)
        {
            // The message names the host, never the path or query, which may hold a token.
            return Delivery.Failed($"{ex.HttpRequestError switch { HttpRequestError.NameResolutionError => "cannot resolve the host", HttpRequestError.ConnectionError => "cannot connect", HttpRequestError.SecureConnectionError => "TLS failed", _ => "request failed" }} ({url.Host}:{url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            return Delivery.Failed($"timed out ({url.Host}:{url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }
}
