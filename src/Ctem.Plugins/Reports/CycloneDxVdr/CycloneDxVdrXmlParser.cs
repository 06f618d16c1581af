using System.Globalization;
using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using static Ctem.Plugins.Reports.ReportXmlLocalNames;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Reads the vulnerabilities of a CycloneDX XML BOM as findings (see <see cref="VdrMapping"/>): the <c>vulnerabilities</c>
/// of 1.4 and later, and those of the older vulnerability extension 1.0 (<c>v:vulnerability ref="…"</c>, at the root or
/// inside the affected component). Elements are matched by local name, whatever the schema version. A BOM without
/// vulnerabilities is an SBOM and fails with a message saying so.
/// </summary>
public sealed class CycloneDxVdrXmlParser : IReportParser
{
    public string Name => "cyclonedx-vdr/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("cyclonedx.org/schema/bom"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(source, DiagnosticCodes.NotCycloneDx, Refusal, root => Read(source.Path, root), cancellationToken);
    }

    private static string? Refusal(XElement root) =>
        root.Name.LocalName == "bom" && root.Name.NamespaceName.StartsWith("http://cyclonedx.org/schema/bom", StringComparison.Ordinal)
            ? null
            : $"not a CycloneDX BOM: expected a <bom> root in a http://cyclonedx.org/schema/bom namespace, found <{root.Name.LocalName}>";

    private ReportResult Read(string path, XElement root)
    {
        var vulnerabilities = root.Descendants().Where(e => e.Name.LocalName == "vulnerability" && e.Parent?.Name.LocalName == "vulnerabilities").ToList();
        if (!root.Descendants().Any(e => e.Name.LocalName == "vulnerabilities"))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, VdrMapping.NoVulnerabilities));
        }

        var components = root.Descendants()
            .Where(e => e.Name.LocalName == "component" && !e.Ancestors().Any(a => a.Name.LocalName == "tools"))
            .Select(c => new VdrComponent((string?)c.Attribute("bom-ref"), Text(c, "purl"), Text(c, "group"), Text(c, "name"), Text(c, "version")))
            .ToList();
        var metadata = Child(root, "metadata");
        var tools = Child(metadata, "tools");
        var tool = Child(tools, "tool") ?? Child(Child(tools, "components"), "component");
        var bom = new VdrDocument(Text(tool, "name"), Text(tool, "version"), Text(Child(metadata, "component"), "name"), components, vulnerabilities.Select(Vulnerability).ToList());
        return VdrMapping.Report(Name, path, bom, []);
    }

    private static VdrVulnerability Vulnerability(XElement vulnerability)
    {
        var pointer = ReportXml.LineOf(vulnerability) ?? "";
        var ratings = Children(Child(vulnerability, "ratings"), "rating")
            .Select(r => new VdrRating(Text(r, "severity"), Text(r, "method"), Text(r, "vector"), Score(Child(r, "score"))))
            .ToList();
        var affects = Children(Child(vulnerability, "affects"), "target")
            .Select(t => new VdrAffect(
                Text(t, "ref"),
                Children(Child(t, "versions"), "version").Select(v => new VdrAffectedVersion(Text(v, "version"), Text(v, "status"))).ToList(),
                ReportXml.LineOf(t) ?? pointer))
            .ToList();
        if (affects.Count == 0 && ExtensionTarget(vulnerability) is { } target)
        {
            affects.Add(new VdrAffect(target, [], pointer));
        }

        return new VdrVulnerability(
            Text(vulnerability, "id"),
            Children(Child(vulnerability, "references"), "reference").Select(r => Text(r, "id")).OfType<string>().ToList(),
            ratings,
            Children(Child(vulnerability, "cwes"), "cwe").Select(c => c.Value).ToList(),
            Text(vulnerability, "description"),
            Text(vulnerability, "detail"),
            Text(vulnerability, "recommendation") ?? Text(Child(vulnerability, "recommendations"), "recommendation"),
            Text(Child(vulnerability, "analysis"), "state"),
            affects,
            pointer);
    }

    // Extension 1.0 names the affected component by a ref attribute, or nests the vulnerabilities in it.
    private static string? ExtensionTarget(XElement vulnerability)
    {
        if ((string?)vulnerability.Attribute("ref") is { Length: > 0 } reference)
        {
            return reference;
        }

        var component = vulnerability.Parent?.Parent;
        return component?.Name.LocalName == "component" ? (string?)component.Attribute("bom-ref") ?? Text(component, "purl") : null;
    }

    // 1.4 gives the score as a number; extension 1.0 as <score><base>…</base></score>.
    private static double? Score(XElement? score)
    {
        var text = Text(score, "base") ?? score?.Value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
