using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.DependencyCheck;

/// <summary>
/// Reads OWASP Dependency-Check JSON reports (<c>dependency-check-report.json</c>). Same mapping as the XML report: one
/// finding per dependency and vulnerability, and per related dependency; <c>suppressedVulnerabilities</c> are not
/// findings. The asset is the first of the dependency's <c>packages</c> ids (a purl), else its file name.
/// </summary>
public sealed class DependencyCheckJsonParser : IReportParser
{
    public string Name => "dependency-check/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && head.IndexOf("\"scanInfo\""u8) >= 0
        && (head.IndexOf("\"reportSchema\""u8) >= 0 || head.IndexOf("\"engineVersion\""u8) >= 0);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.ArrayElement(root, "dependencies") is not { } dependencies
            || ReportJson.Object(root, "scanInfo") is not { } scanInfo)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Dependency-Check JSON report: expected an object with \"scanInfo\" and a \"dependencies\" array"));
        }

        var diagnostics = new List<Diagnostic>();
        var records = dependencies.EnumerateArray().Select((d, i) => Dependency(d, $"/dependencies/{Index(i)}"));
        var findings = DependencyCheckMapping.Findings(path, records, diagnostics);
        var project = ReportJson.Object(root, "projectInfo") is { } info ? ReportJson.String(info, "name") : null;
        return ReportResult.Ok(
            new ScannerReport(Name, DependencyCheckMapping.Tool, ReportJson.String(scanInfo, "engineVersion"), string.IsNullOrWhiteSpace(project) ? null : project, findings),
            diagnostics);
    }

    private static DependencyRecord Dependency(JsonElement dependency, string pointer)
    {
        var related = ReportJson.Array(dependency, "relatedDependencies")
            .Select(r => new RelatedDependencyRecord(ReportJson.String(r, "fileName"), ReportJson.String(r, "filePath"), FirstPurl(r, "packageIds")))
            .ToList();
        var vulnerabilities = ReportJson.Array(dependency, "vulnerabilities")
            .Select((v, i) => Vulnerability(v, $"{pointer}/vulnerabilities/{Index(i)}"))
            .ToList();
        return new DependencyRecord(
            ReportJson.String(dependency, "fileName"),
            ReportJson.String(dependency, "filePath"),
            FirstPurl(dependency, "packages"),
            pointer,
            related,
            vulnerabilities);
    }

    private static VulnerabilityRecord Vulnerability(JsonElement vulnerability, string pointer)
    {
        var cvss3 = Metrics(ReportJson.Object(vulnerability, "cvssv3"));
        var cvss4 = Metrics(ReportJson.Object(vulnerability, "cvssv4"));
        var cvss2 = Metrics(ReportJson.Object(vulnerability, "cvssv2"));
        var fixedVersions = ReportJson.Array(vulnerability, "vulnerableSoftware")
            .Select(s => ReportJson.Object(s, "software") ?? s)
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("vulnerabilityIdMatched", out var matched) && (matched.ValueKind == JsonValueKind.True || (matched.ValueKind == JsonValueKind.String && matched.GetString() == "true")))
            .Select(s => ReportJson.String(s, "versionEndExcluding"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new VulnerabilityRecord(
            ReportJson.String(vulnerability, "name"),
            ReportJson.String(vulnerability, "severity"),
            cvss3.GetValueOrDefault("baseSeverity"),
            cvss2.GetValueOrDefault("severity"),
            cvss3,
            cvss4.GetValueOrDefault("vectorString"),
            ReportJson.Array(vulnerability, "cwes").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList(),
            ReportJson.String(vulnerability, "description"),
            fixedVersions,
            pointer);
    }

    // Newer reports wrap the metrics in "cvssData" (the NVD API shape); older ones give them flat.
    private static Dictionary<string, string> Metrics(JsonElement? cvss)
    {
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cvss is not { } element)
        {
            return metrics;
        }

        foreach (var property in (ReportJson.Object(element, "cvssData") ?? element).EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                metrics[property.Name] = property.Value.ToString();
            }
        }

        return metrics;
    }

    private static string? FirstPurl(JsonElement element, string arrayName) =>
        ReportJson.Array(element, arrayName)
            .Select(p => ReportJson.String(p, "id")?.Trim())
            .FirstOrDefault(id => id is not null && id.StartsWith("pkg:", StringComparison.Ordinal));

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
