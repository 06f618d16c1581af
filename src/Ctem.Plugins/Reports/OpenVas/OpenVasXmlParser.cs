using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.OpenVas;

/// <summary>
/// Reads OpenVAS / Greenbone XML reports (GMP <c>get_reports</c>: <c>&lt;report&gt;</c>, or the response around it). Each
/// <c>results/result</c> is on its endpoint (<c>80/tcp</c>) or, for <c>general/tcp</c> and the like, on the host; the
/// NVT's CVE references (<c>refs/ref type="cve"</c>, older <c>nvt/cve</c>) make one finding per CVE, else one on the
/// NVT (<c>openvas:OID</c>). The CVSS vector is the newest the NVT gives. Log results are info; False Positive
/// overrides are not findings.
/// </summary>
public sealed class OpenVasXmlParser : IReportParser
{
    public string Name => "openvas/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        (head.IndexOf("<report "u8) >= 0 || head.IndexOf("<get_reports_response"u8) >= 0)
        && (head.IndexOf("format_id="u8) >= 0 || head.IndexOf("<gmp>"u8) >= 0 || head.IndexOf("<omp>"u8) >= 0);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(
            source,
            DiagnosticCodes.UnsupportedFormat,
            root => root.Name.LocalName is "report" or "get_reports_response" ? null : $"not an OpenVAS XML report: the root element is <{root.Name.LocalName}>, expected <report>",
            root => Read(source.Path, root),
            cancellationToken);
    }

    private ReportResult Read(string path, XElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        foreach (var result in root.Descendants("result").Where(r => r.Parent?.Name.LocalName == "results"))
        {
            var host = HostOf(result);
            var nvt = result.Element("nvt");
            var oid = ((string?)nvt?.Attribute("oid"))?.Trim();
            if (host is null || string.IsNullOrEmpty(oid))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a <result> has no host or no NVT oid; skipped", ReportXml.LineOf(result)));
                continue;
            }

            var severity = OpenVasThreat.Severity(Text(result, "threat"), Text(result, "severity") ?? Text(nvt, "cvss_base"), out var falsePositive);
            if (falsePositive)
            {
                continue;
            }

            var (port, protocol) = PortOf(Text(result, "port"));
            var name = Text(result, "name") ?? Text(nvt, "name") ?? oid;
            var finding = new ReportedFinding(ReportHostFindings.AssetOf(host, port, protocol), [], "openvas:" + oid, name, severity, null)
            {
                CvssVector = ReportCvss.Best(Vectors(nvt!)),
                Description = Text(result, "description") ?? Tag(nvt!, "summary"),
                ReportPointer = ReportXml.LineOf(result),
            };
            var cves = ReportHostFindings.CvesIn([.. nvt!.Element("refs")?.Elements("ref").Where(r => (string?)r.Attribute("type") == "cve").Select(r => (string?)r.Attribute("id")) ?? [], Text(nvt, "cve")]);
            findings.AddRange(ReportHostFindings.PerCve(finding, cves));
        }

        var report = new ScannerReport(Name, "OpenVAS", null, Text(root, "name"), findings)
        {
            Assets = findings.Select(f => f.Asset).DistinctBy(a => a.Key, StringComparer.Ordinal).ToList(),
        };
        return ReportResult.Ok(report, diagnostics);
    }

    // <host>10.0.0.1<asset asset_id="…"/><hostname>…</hostname></host>: the address is the element's own text.
    private static string? HostOf(XElement result) =>
        result.Element("host")?.Nodes().OfType<XText>().Select(t => t.Value.Trim()).FirstOrDefault(t => t.Length > 0)
        ?? Text(result.Element("host"), "hostname");

    // "443/tcp" is an endpoint; "general/tcp", "package" and "" are the host.
    private static (string? Port, string? Protocol) PortOf(string? port) =>
        port?.Split('/') is [var number, var protocol] ? (number, protocol) : (null, null);

    private static IEnumerable<string?> Vectors(XElement nvt) =>
        nvt.Element("severities")?.Elements("severity").Select(s => Text(s, "value")).Append(Tag(nvt, "cvss_base_vector")) ?? [Tag(nvt, "cvss_base_vector")];

    // <tags>cvss_base_vector=…|summary=…|insight=…</tags>
    private static string? Tag(XElement nvt, string name) =>
        Text(nvt, "tags")?.Split('|').Select(t => t.Split('=', 2)).Where(t => t.Length == 2 && t[0] == name).Select(t => t[1].Trim()).FirstOrDefault(t => t.Length > 0);

    private static string? Text(XElement? parent, string name) => parent?.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
