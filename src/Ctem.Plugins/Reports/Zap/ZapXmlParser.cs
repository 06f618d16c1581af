using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Reports.Zap;

/// <summary>
/// Reads ZAP's traditional XML report (<c>&lt;OWASPZAPReport&gt;</c>, 2.7 to 2.16): one finding per alert instance.
/// Reports older than 2.8 put the single URI on the alert itself; it is read as the alert's one instance.
/// </summary>
public sealed class ZapXmlParser : IReportParser
{
    public string Name => "zap/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => head.IndexOf("<OWASPZAPReport"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(source, "OWASPZAPReport", "a ZAP XML report", root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, XElement root)
    {
        var sites = root.Elements("site").ToList();
        var header = new ZapReportHeader(
            (string?)root.Attribute("programName"),
            (string?)root.Attribute("version"),
            sites.Select(s => (string?)s.Attribute("name")).OfType<string>().ToList());
        var alerts = sites.SelectMany(s => s.Element("alerts")?.Elements("alertitem") ?? []).Select(Alert);
        var diagnostics = new List<Diagnostic>();
        return ReportResult.Ok(ZapFindings.Build(Name, path, header, alerts, diagnostics), diagnostics);
    }

    private static ZapAlert Alert(XElement item)
    {
        var listed = item.Element("instances")?.Elements("instance").Select(Instance).ToList();
        var instances = listed ?? (item.Element("uri") is not null ? [Instance(item)] : []);
        return new ZapAlert(
            Text(item, "pluginid"),
            Text(item, "alertRef"),
            Text(item, "alert") ?? Text(item, "name"),
            Text(item, "riskcode"),
            Text(item, "confidence"),
            Text(item, "cweid"),
            Text(item, "desc"),
            Text(item, "solution"),
            instances,
            ReportXml.LineOf(item));
    }

    private static ZapInstance Instance(XElement instance) =>
        new(Text(instance, "uri"), Text(instance, "method"), Text(instance, "param"), Text(instance, "evidence"), ReportXml.LineOf(instance));

    private static string? Text(XElement parent, string name) => parent.Element(name)?.Value;
}
