using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;

namespace Ctem.Engine.Validation.Checks;

/// <summary>One place a check runs: an address of a deployment's target, a port, and for HTTP the base URL.</summary>
public sealed record CheckTarget(string Host, IPAddress Address, int Port, Uri? BaseUrl)
{
    public string Text => BaseUrl?.AbsoluteUri.TrimEnd('/') ?? string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");
}

/// <summary>A check's outcome on one target, with why and the (masked) exchange.</summary>
public sealed record CheckResult(ValidationCheck Check, CheckTarget Target, ValidationOutcome Outcome, string Detail, string? Excerpt);

/// <summary>
/// Runs a check against one target, through the scoped network only: every connection (redirects too) is checked
/// against the scope, paced and bounded by the timeout there. Requests are the check's, and the check format allows
/// only reads (GET, HEAD, OPTIONS, and TCP data the check declares safe). A check matches when any of its requests does.
/// </summary>
public sealed class CheckExecutor(ScopedNetwork network, IServiceProbe? tlsProbe)
{
    private const int MaxBody = 256 * 1024;
    private const int ExcerptBody = 600;

    public async Task<CheckResult> RunAsync(ValidationCheck check, CheckTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(target);
        var errors = new List<string>();
        string? lastExcerpt = null;
        foreach (var request in check.Requests)
        {
            var exchanges = check.Protocol switch
            {
                CheckProtocol.Http => await HttpAsync(request, target, cancellationToken),
                CheckProtocol.Ssl => [await SslAsync(target, cancellationToken)],
                _ => [await NetworkAsync(request, target, cancellationToken)],
            };
            foreach (var (response, excerpt, error) in exchanges)
            {
                if (response is null)
                {
                    errors.Add(error ?? "no answer");
                    continue;
                }

                lastExcerpt = excerpt;
                var (matched, why) = CheckMatching.Match(request, response);
                if (matched)
                {
                    var extracted = CheckMatching.Extract(request, response);
                    var detail = "matched: " + string.Join("; ", why) + (extracted.Count > 0 ? "; extracted " + string.Join(", ", extracted) : "");
                    return new CheckResult(check, target, ValidationOutcome.Validated, EvidenceMasking.Mask(detail), excerpt is null ? null : EvidenceMasking.Mask(excerpt));
                }
            }
        }

        return lastExcerpt is not null
            ? new CheckResult(check, target, ValidationOutcome.NotReproduced, "the target answered and no matcher matched", EvidenceMasking.Mask(lastExcerpt))
            : new CheckResult(check, target, ValidationOutcome.Error, string.Join("; ", errors.Distinct(StringComparer.Ordinal)), null);
    }

    private async Task<IReadOnlyList<(CheckResponse? Response, string? Excerpt, string? Error)>> HttpAsync(CheckRequest request, CheckTarget target, CancellationToken cancellationToken)
    {
        if (target.BaseUrl is not { } baseUrl)
        {
            return [(null, null, "not an HTTP target")];
        }

        using var client = Client(target);
        var results = new List<(CheckResponse?, string?, string?)>();
        foreach (var path in request.Paths)
        {
            var url = new Uri(Expand(path, target, baseUrl));
            var redirects = 0;
            while (true)
            {
                var (answer, excerpt, location, error) = await SendAsync(client, request, url, target, baseUrl, cancellationToken);
                if (answer is null || location is null || redirects >= request.MaxRedirects)
                {
                    results.Add((answer, excerpt, error));
                    break;
                }

                var next = new Uri(url, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    results.Add((answer, excerpt, null));
                    break;
                }

                if (await network.RefusalAsync(next.Host, next.Port, cancellationToken) is { } refusal)
                {
                    // The answer before the redirect is still evidence; the redirect's target is not contacted.
                    results.Add((answer, excerpt + $"\n(redirect to {next} not followed: {refusal})", null));
                    break;
                }

                url = next;
                redirects++;
            }
        }

        return results;
    }

    private async Task<(CheckResponse? Answer, string? Excerpt, string? Location, string? Error)> SendAsync(
        HttpClient client, CheckRequest request, Uri url, CheckTarget target, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(network.Timeout);
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, Expand(value, target, baseUrl));
            }

            if (request.Body is { } body)
            {
                message.Content = new StringContent(Expand(body, target, baseUrl));
            }

            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, bounded.Token);
            var bytes = await ReadBodyAsync(response, bounded.Token);
            var text = Encoding.UTF8.GetString(bytes);
            var status = (int)response.StatusCode;
            var headers = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP/{response.Version} {status} {response.ReasonPhrase}"));
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers.Append(CultureInfo.InvariantCulture, $"\r\n{name}: {string.Join(", ", values)}");
            }

            var excerpt = $"{request.Method} {url}\n{headers.ToString().Replace("\r\n", "\n", StringComparison.Ordinal)}\n\n{Cut(Printable(bytes), ExcerptBody)}";
            var location = status is >= 300 and < 400 ? response.Headers.Location?.OriginalString : null;
            return (CheckResponse.Http(status, headers.ToString(), text, bytes), excerpt, location, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, null, null, $"{request.Method} {url}: {(ex is OperationCanceledException ? "timed out" : ex.Message)}");
        }
    }

    private async Task<(CheckResponse? Response, string? Excerpt, string? Error)> NetworkAsync(CheckRequest request, CheckTarget target, CancellationToken cancellationToken)
    {
        var stream = await network.ConnectAddressAsync(target.Host, target.Address, target.Port, cancellationToken);
        if (stream is null)
        {
            return (null, null, $"{target.Text}: refused by the scope, closed or timed out");
        }

        await using (stream)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(network.Timeout);
            var reply = new List<byte>();
            var sent = new StringBuilder();
            try
            {
                foreach (var input in request.Inputs)
                {
                    await stream.WriteAsync(input.Data, bounded.Token);
                    sent.Append(Printable(input.Data));
                    if (input.Read > 0)
                    {
                        reply.AddRange(await ReadAsync(stream, input.Read, bounded.Token));
                    }
                }

                reply.AddRange(await ReadAsync(stream, request.ReadSize, bounded.Token));
            }
            catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (reply.Count == 0)
                {
                    return (null, null, $"{target.Text}: {(ex is OperationCanceledException ? "no reply before the timeout" : ex.Message)}");
                }
            }

            var bytes = reply.ToArray();
            var excerpt = $"sent to {target.Text}: {Cut(sent.ToString(), 200)}\nreceived ({bytes.Length} bytes): {Cut(Printable(bytes), ExcerptBody)}";
            return (CheckResponse.Network(bytes), excerpt, null);
        }
    }

    private async Task<(CheckResponse? Response, string? Excerpt, string? Error)> SslAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        if (tlsProbe is null)
        {
            return (null, null, "no TLS probe is available");
        }

        var result = await tlsProbe.ProbeAsync(new ProbedService(target.Host, target.Address, target.Port), network, cancellationToken);
        if (!result.Tls && result.Findings.Count == 0)
        {
            return (null, null, $"{target.Text}: no TLS handshake{(result.Notes.Count > 0 ? ": " + string.Join("; ", result.Notes) : "")}");
        }

        var findings = string.Join("\n", result.Findings.Select(f => f.RuleId + ": " + f.Title));
        var facts = string.Join("\n", result.Facts);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal) { ["findings"] = findings, ["facts"] = facts };
        return (new CheckResponse(null, parts, Encoding.UTF8.GetBytes(findings)), $"TLS handshakes with {target.Text}\n{facts}\n{findings}", null);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int size, CancellationToken cancellationToken)
    {
        var buffer = new byte[size];
        var read = 0;
        int n;
        // One read a reply: services answer a probe in one go, and waiting for more than they send would only time out.
        while (read == 0 && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return buffer[..read];
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBody];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return buffer[..read];
    }

    private HttpClient Client(CheckTarget target) =>
        ScopedHttpClient.Create(network, target.Host, target.Port, token => network.ConnectAddressAsync(target.Host, target.Address, target.Port, token), "ctem-validate/1");

    private static string Expand(string text, CheckTarget target, Uri baseUrl)
    {
        var root = baseUrl.GetLeftPart(UriPartial.Authority);
        var host = target.Host.Contains(':', StringComparison.Ordinal) ? $"[{target.Host}]" : target.Host;
        var port = target.Port.ToString(CultureInfo.InvariantCulture);
        return text
            .Replace("{{BaseURL}}", baseUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{{RootURL}}", root, StringComparison.Ordinal)
            .Replace("{{Hostname}}", $"{host}:{port}", StringComparison.Ordinal)
            .Replace("{{Host}}", host, StringComparison.Ordinal)
            .Replace("{{Port}}", port, StringComparison.Ordinal);
    }

    private static string Printable(IEnumerable<byte> bytes) =>
        new([.. bytes.Select(b => b is >= 0x20 and < 0x7f or (byte)'\n' or (byte)'\t' ? (char)b : b == '\r' ? '\u21B5' : '.')]);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
