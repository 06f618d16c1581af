using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Nessus;

/// <summary>
/// Reads Nessus XML (<c>.nessus</c>, <c>NessusClientData_v2</c>), also as Tenable Web App Scanning writes it. Each
/// <c>ReportItem</c> of a <c>ReportHost</c> is a plugin result, keyed as the CSV's are (<c>nessus:ID</c>, one finding
/// per CVE): on the endpoint (the host's <c>host-ip</c>, else its name; port and protocol), on the host for port 0,
/// and for a web application (a ReportHost named by URL) on the URL the output names, else the application's.
/// Severity is the item's 0–4 (info to critical).
/// </summary>
public sealed class NessusXmlParser : IReportParser
{
    private static readonly string[] Severities = ["info", "low", "medium", "high", "critical"];

    public string Name => "nessus/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => head.IndexOf("<NessusClientData_v2"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(source, "NessusClientData_v2", "a Nessus XML report", root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, XElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        foreach (var host in root.Descendants("ReportHost"))
        {
            var name = ((string?)host.Attribute("name"))?.Trim();
            var address = Tag(host, "host-ip") ?? name;
            if (string.IsNullOrEmpty(address))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a <ReportHost> has no name and no host-ip; skipped", ReportXml.LineOf(host)));
                continue;
            }

            var application = ReportedAsset.Url(address);
            foreach (var item in host.Elements("ReportItem"))
            {
                if (Finding(item, address, application) is { } finding)
                {
                    findings.AddRange(ReportHostFindings.PerCve(finding, ReportHostFindings.CvesIn([.. item.Elements("cve").Select(c => c.Value)])));
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a <ReportItem> has no pluginID; skipped", ReportXml.LineOf(item)));
                }
            }
        }

        var report = new ScannerReport(Name, "Nessus", null, (string?)root.Element("Report")?.Attribute("name"), findings)
        {
            Assets = findings.Select(f => f.Asset).DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    private static ReportedFinding? Finding(XElement item, string address, ReportedAsset? application)
    {
        var plugin = ((string?)item.Attribute("pluginID"))?.Trim();
        if (string.IsNullOrEmpty(plugin))
        {
            return null;
        }

        var output = Text(item, "plugin_output");
        var asset = application is not null
            ? NessusWebApplication.UrlIn(output) ?? application
            : ReportHostFindings.AssetOf(address, (string?)item.Attribute("port"), (string?)item.Attribute("protocol"));
        var severity = int.TryParse((string?)item.Attribute("severity"), out var level) && level is >= 0 and <= 4 ? Severities[level] : ReportSeverity.Normalize(Text(item, "risk_factor"));
        var description = new[] { Text(item, "synopsis") ?? Text(item, "description"), output is null ? null : "Output: " + output, Text(item, "solution") is { } solution ? "Solution: " + solution : null }.OfType<string>().ToList();
        return new ReportedFinding(asset, [], "nessus:" + plugin, (string?)item.Attribute("pluginName") ?? Text(item, "plugin_name") ?? plugin, severity, null)
        {
            Cwes = [.. item.Elements("cwe").Select(c => c.Value.Trim()).Where(c => c.Length > 0).Select(c => c.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? c.ToUpperInvariant() : "CWE-" + c)],
            CvssVector = ReportCvss.Best([Text(item, "cvss3_vector"), Text(item, "cvss_vector")?.Replace("CVSS2#", "", StringComparison.Ordinal)]),
            Description = description.Count > 0 ? string.Join("\n\n", description) : null,
            ReportPointer = ReportXml.LineOf(item),
        };
    }

    private static string? Tag(XElement host, string name) =>
        host.Element("HostProperties")?.Elements("tag").FirstOrDefault(t => (string?)t.Attribute("name") == name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? Text(XElement parent, string name) => parent.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
