using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Testssl;

/// <summary>
/// Reads testssl.sh's flat JSON (<c>--jsonfile</c>): an array of checks <c>{id, ip: "host/ip", port, severity, cve, cwe,
/// finding}</c>. Checks rated LOW, MEDIUM, HIGH or CRITICAL are findings; OK, INFO and DEBUG ones are not, WARN ones
/// are scanner notes, and FATAL ones (the target could not be scanned) become warnings. The asset is the endpoint by
/// IP address, since testssl checks every address of a name separately. The structured <c>--jsonfile-pretty</c>
/// output is not read.
/// </summary>
public sealed class TestsslJsonParser : IReportParser
{
    private static readonly HashSet<string> Rated = new(StringComparer.OrdinalIgnoreCase) { "LOW", "MEDIUM", "HIGH", "CRITICAL" };

    public string Name => "testssl/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        // The set holds the byte-order mark's three bytes too.
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        return text.StartsWith("["u8) && text.IndexOf("\"severity\""u8) >= 0 && text.IndexOf("\"finding\""u8) >= 0 && text.IndexOf("\"ip\""u8) >= 0;
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("scanResult", out _))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "testssl.sh --jsonfile-pretty output is not supported; run testssl.sh with --jsonfile (a flat array of checks)", ""));
        }

        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => ReportJson.String(e, "id") is null || ReportJson.String(e, "severity") is null))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a testssl.sh JSON report: expected an array of checks, each with \"id\" and \"severity\" (testssl.sh --jsonfile)", ""));
        }

        var diagnostics = new List<Diagnostic>();
        var assets = new List<ReportedAsset>();
        var findings = new List<ReportedFinding>();
        var index = 0;
        foreach (var check in root.EnumerateArray())
        {
            var pointer = "/" + index++.ToString(CultureInfo.InvariantCulture);
            var id = CurrentCheckId(ReportJson.String(check, "id")!);
            var severity = ReportJson.String(check, "severity")!;
            var finding = ReportJson.String(check, "finding") ?? "";
            if (severity.Equals("FATAL", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"testssl.sh could not scan {ReportJson.String(check, "ip")}: {finding}", pointer));
                continue;
            }

            var asset = Endpoint(ReportJson.String(check, "ip"), ReportJson.String(check, "port"));
            if (asset is not null)
            {
                assets.Add(asset);
            }

            if (!Rated.Contains(severity))
            {
                continue;
            }

            if (asset is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"check '{id}' has no valid \"ip\" or \"port\"; skipped", pointer));
                continue;
            }

            findings.Add(new ReportedFinding(asset, Words(check, "cve", "CVE-"), id, $"{id}: {finding}", ReportSeverity.Normalize(severity), null)
            {
                Cwes = Words(check, "cwe", "CWE-"),
                Description = ReportJson.String(check, "hint") is { Length: > 0 } hint ? $"{finding}\n\nHint: {hint}" : finding,
                ReportPointer = pointer,
            });
        }

        var unique = assets.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();
        var targets = unique.Select(a => a.Name).ToList();
        var report = new ScannerReport(Name, "testssl.sh", null, targets.Count > 0 ? string.Join(", ", targets) : null, findings) { Assets = unique };
        return ReportResult.Ok(report, diagnostics);
    }

    // testssl.sh 3.1 renamed 3.0's "Average: SEED + 128+256 Bit CBC ciphers" check to cipherlist_OBSOLETED ("Obsoleted
    // CBC ciphers"); one name lets a 3.0 report (Debian 12 ships 3.0.8) merge with 3.2's and with ctem discover's verdict.
    private static string CurrentCheckId(string id) => id == "cipherlist_AVERAGE" ? "cipherlist_OBSOLETED" : id;

    /// <summary>testssl writes the target as <c>name/ip</c> (either part may be empty); the IP is the identity.</summary>
    private static ReportedAsset? Endpoint(string? target, string? portText)
    {
        if (string.IsNullOrWhiteSpace(target) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            return null;
        }

        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var name = slash >= 0 ? target[..slash].Trim() : target.Trim();
        var ip = slash >= 0 ? target[(slash + 1)..].Trim() : "";
        var host = ip.Length > 0 ? ip : name;
        if (host.Length == 0)
        {
            return null;
        }

        var endpoint = ReportedAsset.Endpoint(host, port);
        return name.Length > 0 && ip.Length > 0 ? endpoint with { Name = $"{name}/{endpoint.Name}" } : endpoint;
    }

    private static IReadOnlyList<string> Words(JsonElement check, string name, string prefix) =>
        (ReportJson.String(check, name) ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(w => w.ToUpperInvariant())
            .ToList();
}
