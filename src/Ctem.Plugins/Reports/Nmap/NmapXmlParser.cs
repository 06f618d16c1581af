using System.Globalization;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nmap;

/// <summary>
/// Reads Nmap's XML output (<c>nmap -oX</c>). Every host that is up is an asset (by IPv4, else IPv6, else its first
/// host name), every open port an endpoint asset with an informational "open port" finding naming the service;
/// NSE results that report vulnerabilities (<c>vulners</c> CVE entries, <c>vulns</c>-library scripts saying
/// VULNERABLE) become findings on the port or, for host scripts, on the host. Hosts that are down, and ports that are
/// closed, filtered or open|filtered, are not assets: Nmap did not see them answer.
/// </summary>
public sealed class NmapXmlParser : IReportParser
{
    public string Name => "nmap/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => head.IndexOf("<nmaprun"u8) >= 0;

    public async Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        NmapDoctype.BlankBareDoctype(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Position = 0;
        return await ReportXml.ReadAsync(source with { Content = buffer }, "nmaprun", "an Nmap XML report", root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, XElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var assets = new List<ReportedAsset>();
        var findings = new List<ReportedFinding>();
        foreach (var host in root.Elements("host").Where(h => (string?)h.Element("status")?.Attribute("state") != "down"))
        {
            ReadHost(path, host, assets, findings, diagnostics);
        }

        var report = new ScannerReport(Name, "Nmap", (string?)root.Attribute("version"), (string?)root.Attribute("args"), findings)
        {
            Assets = assets.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    private static void ReadHost(string path, XElement host, List<ReportedAsset> assets, List<ReportedFinding> findings, List<Diagnostic> diagnostics)
    {
        var names = host.Element("hostnames")?.Elements("hostname").Select(h => (string?)h.Attribute("name")).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        var address = AddressOf(host, "ipv4") ?? AddressOf(host, "ipv6") ?? names.FirstOrDefault();
        if (address is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a <host> has no IP address and no host name; skipped", ReportXml.LineOf(host)));
            return;
        }

        var hostAsset = ReportedAsset.Host(address);
        var otherNames = names.Where(n => !n.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList();
        if (otherNames.Count > 0)
        {
            hostAsset = hostAsset with { Name = $"{hostAsset.Name} ({string.Join(", ", otherNames)})" };
        }

        assets.Add(hostAsset);
        foreach (var port in host.Element("ports")?.Elements("port") ?? [])
        {
            ReadPort(path, address, port, assets, findings, diagnostics);
        }

        foreach (var script in host.Element("hostscript")?.Elements("script") ?? [])
        {
            findings.AddRange(NmapScripts.Findings(script, hostAsset, hostAsset.Name));
        }
    }

    private static void ReadPort(string path, string address, XElement port, List<ReportedAsset> assets, List<ReportedFinding> findings, List<Diagnostic> diagnostics)
    {
        if ((string?)port.Element("state")?.Attribute("state") != "open")
        {
            return;
        }

        var protocol = (string?)port.Attribute("protocol");
        if (!int.TryParse((string?)port.Attribute("portid"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535 || string.IsNullOrEmpty(protocol))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "an open <port> has no valid portid or protocol; skipped", ReportXml.LineOf(port)));
            return;
        }

        var service = NmapService.Of(port.Element("service"));
        var endpoint = ReportedAsset.Endpoint(address, number, protocol) with { Version = service.ProductAndVersion };
        assets.Add(endpoint);
        var where = FormattableString.Invariant($"{number}/{protocol}");
        findings.Add(new ReportedFinding(endpoint, [], "nmap:open-port", service.Label is null ? $"Open port {where}" : $"Open port {where}: {service.Label}", "info", null)
        {
            Description = service.Description,
            ReportPointer = ReportXml.LineOf(port),
        });
        foreach (var script in port.Elements("script"))
        {
            findings.AddRange(NmapScripts.Findings(script, endpoint, $"{endpoint.Name}"));
        }
    }

    private static string? AddressOf(XElement host, string type) =>
        host.Elements("address").Where(a => (string?)a.Attribute("addrtype") == type).Select(a => (string?)a.Attribute("addr")).FirstOrDefault(a => !string.IsNullOrEmpty(a));
}
