using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>
/// Turns a BOM's vulnerabilities into findings: one per vulnerability and affected bom-ref, on the component with that
/// bom-ref. A vulnerability whose analysis says it does not apply (not_affected, false_positive, resolved) is a VEX
/// statement, not a finding: it is named in an info diagnostic pointing to 'ctem vex import'.
/// </summary>
internal static class VdrMapping
{
    public const string NoVulnerabilities = "no vulnerabilities: this is a CycloneDX SBOM without a \"vulnerabilities\" section; assess its components with 'ctem scan'";

    private static readonly HashSet<string> NotApplicableStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "not_affected", "false_positive", "resolved", "resolved_with_pedigree",
    };

    private static readonly string[] SeverityOrder = ["critical", "high", "medium", "low", "info"];

    // Preferred first: the 3.1 vector, then 4.0, then 3.0; CVSS v2 and OWASP risk vectors are not kept.
    private static readonly (string Method, string Prefix)[] VectorMethods = [("CVSSv31", "CVSS:3.1/"), ("CVSSv4", "CVSS:4.0/"), ("CVSSv3", "CVSS:3.0/")];

    public static ReportResult Report(string format, string path, VdrDocument document, List<Diagnostic> diagnostics)
    {
        var components = new VdrComponentIndex(document.Components);
        var findings = new List<ReportedFinding>();
        foreach (var vulnerability in document.Vulnerabilities)
        {
            if (string.IsNullOrWhiteSpace(vulnerability.Id))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a vulnerability has no id; skipped", vulnerability.Pointer));
                continue;
            }

            var id = vulnerability.Id.Trim();
            if (vulnerability.AnalysisState is { } state && NotApplicableStates.Contains(state))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Info,
                    DiagnosticCodes.UnsupportedFormat,
                    $"{id}: analysis state '{state}' says it does not apply; not a finding (a VEX statement: 'ctem vex import' reads it)",
                    path,
                    vulnerability.Pointer));
                continue;
            }

            if (vulnerability.Affects.Count == 0)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"{id} affects no component; skipped", vulnerability.Pointer));
            }

            foreach (var affect in vulnerability.Affects)
            {
                if (AssetOf(path, affect, components, diagnostics) is { } asset)
                {
                    findings.Add(Finding(id, vulnerability, affect, asset));
                }
            }
        }

        var report = new ScannerReport(format, document.Tool ?? "CycloneDX", document.ToolVersion, document.Target, findings);
        return ReportResult.Ok(report, diagnostics);
    }

    private static ReportedAsset? AssetOf(string path, VdrAffect affect, VdrComponentIndex components, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(affect.Ref))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "an affects entry has no ref; skipped", affect.Pointer));
            return null;
        }

        var reference = affect.Ref.Trim();
        var resolved = components.Resolve(reference);
        if (resolved.Purl is { } purl)
        {
            return ReportedAsset.Package(purl);
        }

        // Syft's package type is the word Grype's JSON report keys the same purl-less package by.
        if (resolved.Known)
        {
            return ReportedAsset.Package(resolved.SyftType is { Length: > 0 } type ? type : null, resolved.Name!, resolved.Version);
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ComponentWithoutPurl, path, $"affects ref '{reference}' names no component with a purl or name; the ref is the package name", affect.Pointer));
        return ReportedAsset.Package(null, reference, null);
    }

    private static ReportedFinding Finding(string id, VdrVulnerability vulnerability, VdrAffect affect, ReportedAsset asset)
    {
        var ids = new List<string> { id };
        ids.AddRange(vulnerability.ReferenceIds.Select(r => r.Trim()).Where(r => r.Length > 0 && !ids.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        var description = string.Join(
            "\n\n",
            new[] { vulnerability.Description, vulnerability.Detail, vulnerability.Recommendation is { } r ? "Recommendation: " + r.Trim() : null }
                .Where(text => !string.IsNullOrWhiteSpace(text))
                .Select(text => text!.Trim()));
        return new ReportedFinding(asset, ids, id, id, Severity(vulnerability.Ratings), null)
        {
            Cwes = vulnerability.Cwes.Select(Cwe).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            CvssVector = Vector(vulnerability.Ratings),
            FixedVersions = affect.Versions
                .Where(v => string.Equals(v.Status, "unaffected", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(v.Version))
                .Select(v => v.Version!.Trim())
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Description = description.Length == 0 ? null : description,
            ReportPointer = affect.Pointer,
        };
    }

    /// <summary>The highest severity any rating gives; without one, the CVSS score's qualitative rating.</summary>
    private static string? Severity(IReadOnlyList<VdrRating> ratings)
    {
        var stated = ratings.Select(r => ReportSeverity.Normalize(r.Severity)).OfType<string>().ToList();
        if (stated.Count > 0)
        {
            return SeverityOrder.First(stated.Contains);
        }

        var score = ratings.Where(r => r.Method?.StartsWith("CVSSv3", StringComparison.OrdinalIgnoreCase) == true || string.Equals(r.Method, "CVSSv4", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Score)
            .Max();
        return score is { } value ? ReportSeverity.FromCvssScore(value) : null;
    }

    private static string? Vector(IReadOnlyList<VdrRating> ratings)
    {
        foreach (var (method, prefix) in VectorMethods)
        {
            var vector = ratings
                .Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Vector?.Trim())
                .FirstOrDefault(v => !string.IsNullOrEmpty(v));
            if (vector is not null)
            {
                return vector.StartsWith("CVSS:", StringComparison.OrdinalIgnoreCase) ? vector : prefix + vector.TrimStart('/');
            }
        }

        return null;
    }

    private static string? Cwe(string text)
    {
        var digits = text.Trim();
        if (digits.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[4..];
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? "CWE-" + number.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
