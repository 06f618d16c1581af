using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.DependencyCheck;

/// <summary>
/// Turns Dependency-Check's dependencies into findings. Dependency-Check merges copies of one library (same hashes, or a
/// bundle of the same artifact) into one dependency and lists the others as related dependencies: each is a place the
/// vulnerable library sits, so each gets its own finding, located at its own file.
/// </summary>
internal static partial class DependencyCheckMapping
{
    public const string Tool = "Dependency-Check";

    // The v3 base metrics in vector order, with the report's element names.
    private static readonly (string Metric, string Name)[] Cvss3Metrics =
    [
        ("AV", "attackVector"), ("AC", "attackComplexity"), ("PR", "privilegesRequired"), ("UI", "userInteraction"),
        ("S", "scope"), ("C", "confidentialityImpact"), ("I", "integrityImpact"), ("A", "availabilityImpact"),
    ];

    public static List<ReportedFinding> Findings(string path, IEnumerable<DependencyRecord> dependencies, List<Diagnostic> diagnostics)
    {
        var findings = new List<ReportedFinding>();
        var all = dependencies.ToList();
        if (all.Sum(d => (long)d.Vulnerabilities.Count * (1 + d.Related.Count)) > ReportLimits.MaxFindings)
        {
            diagnostics.Add(ReportLimits.TooManyFindings(path));
            return findings;
        }

        foreach (var dependency in all)
        {
            if (dependency.Vulnerabilities.Count == 0)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(dependency.FileName) && string.IsNullOrWhiteSpace(dependency.Purl))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a dependency has neither a fileName nor a package id; its vulnerabilities are skipped", dependency.Pointer));
                continue;
            }

            var asset = AssetOf(path, dependency.Purl, dependency.FileName, null, dependency.Pointer, diagnostics);
            foreach (var vulnerability in dependency.Vulnerabilities)
            {
                if (string.IsNullOrWhiteSpace(vulnerability.Name))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a vulnerability has no name; skipped", vulnerability.Pointer));
                    continue;
                }

                findings.Add(Finding(path, asset, dependency.FilePath, vulnerability));
                foreach (var related in dependency.Related)
                {
                    var relatedAsset = related.Purl is not null || dependency.Purl is null
                        ? AssetOf(path, related.Purl, related.FileName ?? FileNameOf(related.FilePath) ?? dependency.FileName, asset, dependency.Pointer, diagnostics)
                        : asset;
                    findings.Add(Finding(path, relatedAsset, related.FilePath, vulnerability));
                }
            }
        }

        return findings;
    }

    private static ReportedAsset AssetOf(string path, string? purl, string? fileName, ReportedAsset? fallback, string pointer, List<Diagnostic> diagnostics)
    {
        if (purl is not null)
        {
            var parsed = PackageUrl.Parse(purl.Trim());
            if (parsed.Success)
            {
                return ReportedAsset.Package(parsed.Value);
            }

            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"package id '{purl}': {parsed.Error}; the file name is used instead", pointer));
        }

        return fallback ?? ReportedAsset.Package(null, (fileName ?? purl ?? "").Trim(), null);
    }

    private static string? FileNameOf(string? filePath) =>
        string.IsNullOrWhiteSpace(filePath) ? null : filePath.Trim().Replace('\\', '/').Split('/')[^1];

    private static ReportedFinding Finding(string path, ReportedAsset asset, string? filePath, VulnerabilityRecord vulnerability)
    {
        var name = vulnerability.Name!.Trim();

        // Names such as "CWE-400: Uncontrolled Resource Consumption" (OSS Index) are titles, not vulnerability ids.
        string[] ids = name.Any(char.IsWhiteSpace) ? [] : [name];
        var severity = ReportSeverity.Normalize(vulnerability.Cvss3Severity)
            ?? ReportSeverity.Normalize(vulnerability.Severity)
            ?? ReportSeverity.Normalize(vulnerability.Cvss2Severity);
        var location = string.IsNullOrWhiteSpace(filePath) ? null : new SourceLocation(filePath.Trim(), null);
        return new ReportedFinding(asset, ids, name, name, severity, location)
        {
            Cwes = vulnerability.CweTexts.SelectMany(CwesIn).Distinct(StringComparer.Ordinal).ToList(),
            CvssVector = Cvss3Vector(vulnerability.Cvss3) ?? vulnerability.Cvss4Vector,
            FixedVersions = vulnerability.FixedVersions,
            Description = string.IsNullOrWhiteSpace(vulnerability.Description) ? null : vulnerability.Description.Trim(),
            ReportPointer = vulnerability.Pointer,
        };
    }

    private static IEnumerable<string> CwesIn(string text) =>
        CwePattern().Matches(text)
            .Select(m => int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .Where(number => number > 0)
            .Select(number => "CWE-" + number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Dependency-Check gives the v3 metrics one by one (as words, or as letters in old reports), not as a vector; the
    /// first letter of each word is the vector's value. Without a stated version, 3.1 is assumed.
    /// </summary>
    private static string? Cvss3Vector(IReadOnlyDictionary<string, string> metrics)
    {
        if (metrics.TryGetValue("vectorString", out var given) && given.StartsWith("CVSS:3", StringComparison.Ordinal))
        {
            return given.Trim();
        }

        var parts = new List<string>();
        foreach (var (metric, name) in Cvss3Metrics)
        {
            if (!metrics.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            parts.Add($"{metric}:{char.ToUpperInvariant(value.Trim()[0])}");
        }

        var version = metrics.TryGetValue("version", out var v) && v.Trim() is "3.0" or "3.1" ? v.Trim() : "3.1";
        return $"CVSS:{version}/{string.Join('/', parts)}";
    }

    [GeneratedRegex(@"CWE-(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CwePattern();
}
