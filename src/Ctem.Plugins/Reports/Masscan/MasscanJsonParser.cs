using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Masscan;

/// <summary>
/// Reads masscan's JSON output (<c>masscan -oJ</c>): an array of <c>{ip, timestamp, ports: [{port, proto, status}]}</c>
/// records. Every port masscan saw open (<c>status: open</c>, or a banner record with a <c>service</c>) is an
/// endpoint with a <c>masscan:open-port</c> finding, as Nmap's open ports are. An empty file is an empty report:
/// masscan writes nothing when no port answered.
/// </summary>
public sealed class MasscanJsonParser : IReportParser
{
    public string Name => "masscan/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        return text.StartsWith("["u8) && text.IndexOf("\"ports\""u8) >= 0 && text.IndexOf("\"proto\""u8) >= 0 && text.IndexOf("\"ip\""u8) >= 0;
    }

    public async Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        if (buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Trim(" \t\r\n\uFEFF"u8).IsEmpty)
        {
            return ReportResult.Ok(new ScannerReport(Name, "masscan", null, null, []));
        }

        buffer.Position = 0;
        return await ReportJson.ReadAsync(source with { Content = buffer }, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(r => ReportJson.String(r, "ip") is null || ReportJson.ArrayElement(r, "ports") is null))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a masscan JSON report: expected an array of {ip, ports: [{port, proto, status}]}", ""));
        }

        var ports = new ReportOpenPorts("masscan");
        var diagnostics = new List<Diagnostic>();
        var index = 0;
        foreach (var record in root.EnumerateArray())
        {
            var ip = ReportJson.String(record, "ip")!;
            var portIndex = 0;
            foreach (var port in ReportJson.Array(record, "ports"))
            {
                var pointer = string.Create(CultureInfo.InvariantCulture, $"/{index}/ports/{portIndex++}");
                var service = ReportJson.Object(port, "service");
                if (ReportJson.String(port, "status") != "open" && service is null)
                {
                    continue;
                }

                var banner = service is { } s ? string.Join(": ", new[] { ReportJson.String(s, "name"), ReportJson.String(s, "banner") }.OfType<string>()) : null;
                if (ReportJson.Int(port, "port") is not { } number || !ports.Add(ip, number, ReportJson.String(port, "proto") ?? "tcp", pointer, banner is { Length: > 0 } ? "banner " + banner : null))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "an open port has no valid port number; skipped", pointer));
                }
            }

            index++;
        }

        return ReportResult.Ok(new ScannerReport(Name, "masscan", null, null, ports.Findings) { Assets = ports.Assets }, diagnostics);
    }
}
