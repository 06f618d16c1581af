using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Probes.Http;

/// <summary>
/// HTTP(S) on a port that waits for the client: GET of each starting path (only GET; never a body), redirects followed
/// while they stay in scope (at most <see cref="MaxRedirects"/>; one leaving scope is noted, not followed), then on the
/// final answer: status, title, server header, fingerprints from <c>Server</c> and <c>X-Powered-By</c>, and findings for
/// missing HSTS (on HTTPS), CSP, X-Content-Type-Options and X-Frame-Options, and a directory listing.
/// </summary>
public sealed partial class HttpProbe : IServiceProbe
{
    private const int MaxRedirects = 5;
    private const int MaxBody = 256 * 1024;

    private static readonly (string Header, string Rule, string Title, string Severity)[] RequiredHeaders =
    [
        ("Content-Security-Policy", "missing-content-security-policy", "Content-Security-Policy header not set", "medium"),
        ("X-Content-Type-Options", "missing-x-content-type-options", "X-Content-Type-Options header not set", "low"),
        ("X-Frame-Options", "missing-x-frame-options", "X-Frame-Options header not set (clickjacking)", "medium"),
    ];

    public string Name => "probe/http";

    public int Version => 1;

    public bool Applies(ProbedService service) => service?.Banner is null;

    public async Task<ProbeResult> ProbeAsync(ProbedService service, IProbeNetwork network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(network);
        using var client = Client(service, network);
        var findings = new List<ReportedFinding>();
        var fingerprints = new List<Fingerprint>();
        var assets = new List<ReportedAsset>();
        var notes = new List<string>();
        var facts = new List<string>();
        var spoke = false;
        foreach (var path in service.Paths)
        {
            var url = new Uri($"{(service.Tls ? "https" : "http")}://{HostText(service.Host)}:{service.Port}{path}");
            var trail = new List<Uri> { url };
            Answer? answer = null;
            while (true)
            {
                answer = await GetAsync(client, url, network.Timeout, cancellationToken);
                if (answer is null || answer.Location is null || trail.Count > MaxRedirects)
                {
                    break;
                }

                var next = new Uri(url, answer.Location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    notes.Add($"redirect from {url} to {next} not followed: not HTTP");
                    break;
                }

                if (await network.RefusalAsync(next.Host, next.Port, cancellationToken) is { } refusal)
                {
                    notes.Add($"redirect from {url} to {next} not followed: {refusal}");
                    break;
                }

                url = next;
                trail.Add(url);
            }

            if (answer is null)
            {
                continue;
            }

            spoke = true;
            var asset = ReportedAsset.Url(url.AbsoluteUri)! with { Version = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            assets.Add(asset);
            facts.Add($"HTTP {answer.Status} {url}{(answer.Title is null ? "" : $" \"{answer.Title}\"")}{(answer.Server is null ? "" : $" server {answer.Server}")}{(trail.Count > 1 ? $" after {string.Join(" -> ", trail.SkipLast(1))}" : "")}");
            fingerprints.AddRange(ProductFingerprints.In(answer.Server));
            fingerprints.AddRange(ProductFingerprints.In(answer.PoweredBy));
            if (answer.Location is null)
            {
                findings.AddRange(HeaderFindings(service, url, asset, answer));
            }
        }

        return spoke
            ? new ProbeResult(service.Tls ? "https" : "http", findings) { Fingerprints = fingerprints, Assets = assets, Notes = notes, Facts = facts }
            : ProbeResult.None with { Notes = notes };
    }

    private static IEnumerable<ReportedFinding> HeaderFindings(ProbedService service, Uri url, ReportedAsset asset, Answer answer)
    {
        foreach (var (header, rule, title, severity) in RequiredHeaders.Where(r => !answer.Headers.Contains(r.Header)))
        {
            yield return new ReportedFinding(asset, [], rule, $"{title} on {url}", severity, null) { Description = $"The response to GET {url} has no {header} header." };
        }

        // testssl.sh checks HSTS per endpoint; so does discover, and the two merge.
        if (url.Scheme == Uri.UriSchemeHttps && !answer.Headers.Contains("Strict-Transport-Security") && url.Port == service.Port)
        {
            yield return new ReportedFinding(service.Endpoint, [], "testssl.sh:HSTS", "HSTS: not offered", "low", null) { SharedRule = true, Description = $"The response to GET {url} has no Strict-Transport-Security header." };
        }

        if (answer.Status == 200 && DirectoryListing().Match(answer.Body) is { Success: true } listing)
        {
            yield return new ReportedFinding(asset, [], "directory-listing", $"Directory listing on {url}", "medium", null) { Description = $"The server lists a directory's files: \"{listing.Value}\"." };
        }
    }

    private sealed record Answer(int Status, HttpResponseHeaders Headers, string? Location, string? Server, string? PoweredBy, string? Title, string Body);

    private static async Task<Answer?> GetAsync(HttpClient client, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, bounded.Token);
            var body = await ReadBodyAsync(response, bounded.Token);
            var status = (int)response.StatusCode;
            var location = status is >= 300 and < 400 ? response.Headers.Location?.OriginalString : null;
            var server = response.Headers.TryGetValues("Server", out var servers) ? string.Join(' ', servers) : null;
            var powered = response.Headers.TryGetValues("X-Powered-By", out var by) ? string.Join(' ', by) : null;
            var title = Title().Match(body) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value).Trim() : null;
            return new Answer(status, response.Headers, location, server, powered, title is { Length: > 0 } ? Cut(title) : null, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBody];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static HttpClient Client(ProbedService service, IProbeNetwork network) =>
        ScopedHttpClient.Create(network, service.Host, service.Port, token => network.ConnectAsync(service, token), "ctem-discover/1");

    private static string HostText(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private static string Cut(string text) => text.Length <= 120 ? text : text[..120] + "…";

    [GeneratedRegex(@"<title[^>]*>([^<]{0,300})</title>", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    [GeneratedRegex(@"<title>\s*(Index of /[^<]*|Directory listing for /[^<]*)</title>|<h1>\s*Index of /[^<]*</h1>", RegexOptions.IgnoreCase)]
    private static partial Regex DirectoryListing();
}
