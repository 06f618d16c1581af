using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Httpx;

/// <summary>
/// Reads httpx's JSON Lines output (<c>httpx -json</c>): one probe per line. A probe that answered is a web service
/// observation: an informational <c>httpx:http-service</c> finding on its URL (status, title, server and technologies
/// as the description), with the endpoint <c>tcp://host:port</c> and the host as assets, the keys Nmap uses. Failed
/// probes (<c>failed: true</c>) saw nothing and are not findings. An empty file is an empty report.
/// </summary>
public sealed class HttpxJsonParser : IReportParser
{
    public string Name => "httpx/jsonl";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportJsonLines.FirstObjectProperties(head) is { } names
        && names.Contains("url") && names.Contains("input") && (names.Contains("status_code") || names.Contains("status-code") || names.Contains("failed"))
        && !names.Contains("template-id") && !names.Contains("templateID");

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJsonLines.ReadAsync(source, items => Read(source.Path, items), cancellationToken);
    }

    private ReportResult Read(string path, IReadOnlyList<(JsonElement Item, string Pointer)> items)
    {
        var findings = new Dictionary<string, ReportedFinding>(StringComparer.Ordinal);
        var assets = new List<ReportedAsset>();
        var diagnostics = new List<Diagnostic>();
        foreach (var (item, pointer) in items)
        {
            if (item.ValueKind != JsonValueKind.Object || ReportJson.String(item, "url") is not { } url)
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an httpx JSON report: every line must be a probe with a url", pointer));
            }

            if (item.TryGetProperty("failed", out var failed) && failed.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            if (ReportedAsset.Url(url) is not { } asset)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"'{url}' is not an absolute http(s) URL; skipped", pointer));
                continue;
            }

            assets.Add(asset);
            assets.AddRange(NetworkAssets(item, asset));
            findings.TryAdd(asset.Key, Finding(item, asset, pointer));
        }

        var report = new ScannerReport(Name, "httpx", null, null, [.. findings.Values])
        {
            Assets = assets.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    private static ReportedFinding Finding(JsonElement item, ReportedAsset asset, string pointer)
    {
        var status = ReportJson.Scalar(item, "status_code") ?? ReportJson.Scalar(item, "status-code");
        var title = ReportJson.String(item, "title");
        var details = new[]
        {
            status is null ? null : "status " + status,
            ReportJson.String(item, "webserver") is { Length: > 0 } server ? "server " + server : null,
            ReportJson.Strings(item, "tech") is { Count: > 0 } tech ? "technologies " + string.Join(", ", tech) : null,
            (ReportJson.String(item, "content_type") ?? ReportJson.String(item, "content-type")) is { Length: > 0 } type ? "content type " + type : null,
        }.OfType<string>();
        var text = $"HTTP service at {asset.Name}{(status is null ? "" : $" ({status})")}{(title is { Length: > 0 } ? ": " + title : "")}";
        return new ReportedFinding(asset, [], "httpx:http-service", text, "info", null)
        {
            Description = string.Join("; ", details),
            ReportPointer = pointer,
        };
    }

    // httpx names the address it connected to in "host" (or "a", the resolved addresses) and the port as text.
    private static IEnumerable<ReportedAsset> NetworkAssets(JsonElement item, ReportedAsset url)
    {
        var host = ReportJson.String(item, "host") is { Length: > 0 } h ? h : ReportJson.Strings(item, "a").FirstOrDefault();
        if (host is null)
        {
            yield break;
        }

        yield return ReportedAsset.Host(host);
        var port = ReportJson.Scalar(item, "port") ?? (Uri.TryCreate(url.Key, UriKind.Absolute, out var uri) ? uri.Port.ToString(CultureInfo.InvariantCulture) : null);
        if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
        {
            yield return ReportedAsset.Endpoint(host, number);
        }
    }
}
