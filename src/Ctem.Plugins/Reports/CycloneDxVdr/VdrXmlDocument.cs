using System.Globalization;
using System.Xml.Linq;
using static Ctem.Plugins.Reports.ReportXmlLocalNames;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Reads a CycloneDX XML BOM's components and vulnerabilities, for findings and for VEX statements: the
/// <c>vulnerabilities</c> of 1.4 and later, and those of the older vulnerability extension 1.0 (<c>v:vulnerability
/// ref="…"</c>, at the root or inside the affected component). Elements are matched by local name, whatever the
/// schema version.
/// </summary>
internal static class VdrXmlDocument
{
    private const string Namespace = "http://cyclonedx.org/schema/bom/";

    public static bool HasVulnerabilities(XElement root) => root.Descendants().Any(e => e.Name.LocalName == "vulnerabilities");

    public static VdrDocument Read(XElement root)
    {
        var vulnerabilities = root.Descendants().Where(e => e.Name.LocalName == "vulnerability" && e.Parent?.Name.LocalName == "vulnerabilities");
        var components = root.Descendants()
            .Where(e => e.Name.LocalName == "component" && !e.Ancestors().Any(a => a.Name.LocalName == "tools"))
            .Select(c => new VdrComponent((string?)c.Attribute("bom-ref"), Text(c, "purl"), Text(c, "group"), Text(c, "name"), Text(c, "version")) { Cpe = Text(c, "cpe") })
            .ToList();
        var metadata = Child(root, "metadata");
        var tools = Child(metadata, "tools");
        var tool = Child(tools, "tool") ?? Child(Child(tools, "components"), "component");
        var subject = Child(metadata, "component");
        var namespaceName = root.Name.NamespaceName;
        return new VdrDocument(Text(tool, "name"), Text(tool, "version"), Text(subject, "name"), components, vulnerabilities.Select(Vulnerability).ToList())
        {
            SpecVersion = namespaceName.StartsWith(Namespace, StringComparison.Ordinal) ? namespaceName[Namespace.Length..] : null,
            SerialNumber = (string?)root.Attribute("serialNumber"),
            Timestamp = Time(Text(metadata, "timestamp")),
            Author = Text(Child(Child(metadata, "authors"), "author"), "name") ?? Text(Child(metadata, "manufacturer"), "name") ?? Text(Child(metadata, "supplier"), "name"),
            TargetVersion = Text(subject, "version"),
        };
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
                Children(Child(t, "versions"), "version").Select(v => new VdrAffectedVersion(Text(v, "version"), Text(v, "status")) { Range = Text(v, "range") }).ToList(),
                ReportXml.LineOf(t) ?? pointer))
            .ToList();
        if (affects.Count == 0 && ExtensionTarget(vulnerability) is { } target)
        {
            affects.Add(new VdrAffect(target, [], pointer));
        }

        var analysis = Child(vulnerability, "analysis");
        return new VdrVulnerability(
            Text(vulnerability, "id"),
            Children(Child(vulnerability, "references"), "reference").Select(r => Text(r, "id")).OfType<string>().ToList(),
            ratings,
            Children(Child(vulnerability, "cwes"), "cwe").Select(c => c.Value).ToList(),
            Text(vulnerability, "description"),
            Text(vulnerability, "detail"),
            Text(vulnerability, "recommendation") ?? Text(Child(vulnerability, "recommendations"), "recommendation"),
            Text(analysis, "state"),
            affects,
            pointer)
        {
            Analysis = analysis is null
                ? null
                : new VdrAnalysis(Text(analysis, "state"), Text(analysis, "justification"), Children(Child(analysis, "responses"), "response").Select(r => r.Value.Trim()).ToList(), Text(analysis, "detail"))
                {
                    FirstIssued = Time(Text(analysis, "firstIssued")),
                    LastUpdated = Time(Text(analysis, "lastUpdated")),
                },
            Updated = Time(Text(vulnerability, "updated")),
            Published = Time(Text(vulnerability, "published")),
            Properties = Children(Child(vulnerability, "properties"), "property")
                .Where(p => p.Attribute("name") is not null)
                .Select(p => KeyValuePair.Create((string)p.Attribute("name")!, p.Value))
                .ToList(),
        };
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

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
