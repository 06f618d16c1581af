using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Naabu;

/// <summary>
/// Reads naabu's JSON Lines output (<c>naabu -json</c>): one <c>{host, ip, port, protocol, tls}</c> object per open
/// port. Each distinct endpoint (by IP, else host name) gets a <c>naabu:open-port</c> finding, as Nmap's open ports
/// do; naabu repeats a port it sees again, which changes nothing. An empty file is an empty report.
/// </summary>
public sealed class NaabuJsonParser : IReportParser
{
    // Every field naabu 2.x writes; a first line with any other (httpx's url, nuclei's template-id) is another tool's.
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "host", "ip", "port", "protocol", "tls", "timestamp", "cdn", "cdn-name", "transport" };

    public string Name => "naabu/jsonl";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportJsonLines.FirstObjectProperties(head) is { } names && names.Contains("port") && (names.Contains("ip") || names.Contains("host")) && names.IsSubsetOf(Fields);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJsonLines.ReadAsync(source, items => Read(source.Path, items), cancellationToken);
    }

    private ReportResult Read(string path, IReadOnlyList<(JsonElement Item, string Pointer)> items)
    {
        var ports = new ReportOpenPorts("naabu");
        var diagnostics = new List<Diagnostic>();
        foreach (var (item, pointer) in items)
        {
            var host = ReportJson.String(item, "ip") is { Length: > 0 } ip ? ip : ReportJson.String(item, "host");
            if (item.ValueKind != JsonValueKind.Object || host is null || ReportJson.Int(item, "port") is not { } port)
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a naabu JSON report: every line must be {ip or host, port}", pointer));
            }

            var name = ReportJson.String(item, "host");
            var description = name is { Length: > 0 } && name != host ? "host name " + name : null;
            if (!ports.Add(host, port, ReportJson.String(item, "protocol") ?? "tcp", pointer, description))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "the port is not 1–65535; skipped", pointer));
            }
        }

        return ReportResult.Ok(new ScannerReport(Name, "naabu", null, null, ports.Findings) { Assets = ports.Assets }, diagnostics);
    }
}
