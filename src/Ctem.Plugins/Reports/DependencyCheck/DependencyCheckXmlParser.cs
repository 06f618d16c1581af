using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using static Ctem.Plugins.Reports.ReportXmlLocalNames;

namespace Ctem.Plugins.Reports.DependencyCheck;

/// <summary>
/// Reads OWASP Dependency-Check XML reports (<c>dependency-check-report.xml</c>), any schema version: elements are
/// matched by local name since the namespace changes with each version. One finding per dependency and vulnerability,
/// and per related dependency (see <see cref="DependencyCheckMapping"/>); suppressed vulnerabilities are not findings.
/// The asset is the dependency's package id (purl), else its Maven identifier, else its file name.
/// </summary>
public sealed class DependencyCheckXmlParser : IReportParser
{
    public string Name => "dependency-check/xml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("<analysis"u8) >= 0
        && head.IndexOf("DependencyCheck/dependency-check"u8) >= 0;

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportXml.ReadAsync(source, DiagnosticCodes.UnsupportedFormat, Refusal, root => Read(source.Path, root), cancellationToken);
    }

    private static string? Refusal(XElement root) =>
        root.Name.LocalName == "analysis" && Child(root, "dependencies") is not null
            ? null
            : $"not a Dependency-Check XML report: expected an <analysis> root with <dependencies>, found <{root.Name.LocalName}>";

    private ReportResult Read(string path, XElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var records = Children(Child(root, "dependencies"), "dependency").Select(Dependency);
        var findings = DependencyCheckMapping.Findings(path, records, diagnostics);
        var engineVersion = Text(Child(root, "scanInfo"), "engineVersion");
        var project = Text(Child(root, "projectInfo"), "name");
        return ReportResult.Ok(new ScannerReport(Name, DependencyCheckMapping.Tool, engineVersion, project, findings), diagnostics);
    }

    private static DependencyRecord Dependency(XElement dependency)
    {
        var related = Children(Child(dependency, "relatedDependencies"), "relatedDependency")
            .Select(r => new RelatedDependencyRecord(Text(r, "fileName"), Text(r, "filePath"), PurlIn(r)))
            .ToList();
        var vulnerabilities = Children(Child(dependency, "vulnerabilities"), "vulnerability").Select(Vulnerability).ToList();
        var identifiers = Child(dependency, "identifiers");
        return new DependencyRecord(
            Text(dependency, "fileName"),
            Text(dependency, "filePath"),
            PurlIn(identifiers) ?? MavenPurl(identifiers),
            ReportXml.LineOf(dependency) ?? "",
            related,
            vulnerabilities);
    }

    private static VulnerabilityRecord Vulnerability(XElement vulnerability)
    {
        var cvss3 = Child(vulnerability, "cvssV3");
        var metrics = cvss3 is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : cvss3.Elements().GroupBy(e => e.Name.LocalName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value.Trim(), StringComparer.Ordinal);
        var cwes = vulnerability.Elements()
            .Where(e => e.Name.LocalName == "cwe")
            .Concat(Children(Child(vulnerability, "cwes"), "cwe"))
            .Select(e => e.Value)
            .ToList();
        var fixedVersions = Children(Child(vulnerability, "vulnerableSoftware"), "software")
            .Where(s => (string?)s.Attribute("vulnerabilityIdMatched") == "true")
            .Select(s => (string?)s.Attribute("versionEndExcluding"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new VulnerabilityRecord(
            Text(vulnerability, "name"),
            Text(vulnerability, "severity"),
            metrics.GetValueOrDefault("baseSeverity"),
            Text(Child(vulnerability, "cvssV2"), "severity"),
            metrics,
            Text(Child(vulnerability, "cvssV4"), "vectorString"),
            cwes,
            Text(vulnerability, "description"),
            fixedVersions,
            ReportXml.LineOf(vulnerability) ?? "");
    }

    // Package ids sit at identifiers/package/id, or one level deeper in some reports; related dependencies have packageIds/id.
    private static string? PurlIn(XElement? element) =>
        element?.Descendants()
            .Where(e => e.Name.LocalName == "id" && e.Value.Trim().StartsWith("pkg:", StringComparison.Ordinal))
            .Select(e => e.Value.Trim())
            .FirstOrDefault();

    // Old reports (schema 1.x) name Maven artifacts as group:artifact:version identifiers instead of purls.
    private static string? MavenPurl(XElement? identifiers)
    {
        var coordinates = Children(identifiers, "identifier")
            .Where(i => (string?)i.Attribute("type") == "maven")
            .Select(i => Text(i, "name")?.Split(':'))
            .FirstOrDefault(parts => parts is { Length: 3 } && parts.All(p => p.Length > 0));
        if (coordinates is null)
        {
            return null;
        }

        var purl = PackageUrl.Create("maven", coordinates[0], coordinates[1], coordinates[2], null, null);
        return purl.Success ? purl.Value.ToString() : null;
    }
}
