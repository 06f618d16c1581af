using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.CycloneDxVdr;

namespace Ctem.Plugins.Vex.CycloneDx;

/// <summary>
/// Turns a CycloneDX BOM's vulnerabilities into VEX statements, whichever encoding it came in: one statement per
/// vulnerability with an <c>analysis</c>, its targets the <c>affects</c> refs resolved as the VDR parser resolves them.
/// A vulnerability without an analysis says a component is vulnerable, not what its state is: it is a finding for
/// <c>ctem ingest</c>, not a statement, and the reader says how many it left out.
/// </summary>
internal static class CycloneDxVexStatements
{
    /// <summary>The error for a BOM of a version without analyses (before 1.4) or unknown; null for 1.4 to 1.7.</summary>
    public static Diagnostic? VersionRefusal(string path, string? version) =>
        version is not null && CycloneDxVexMapping.SupportedVersions.Contains(version)
            ? null
            : Diagnostic.Error(
                DiagnosticCodes.UnsupportedFormat,
                path,
                $"unsupported CycloneDX version {version ?? "(none stated)"}: VEX (vulnerabilities with an analysis) needs CycloneDX {string.Join(", ", CycloneDxVexMapping.SupportedVersions)}");

    public static VexReadResult Read(string path, VdrDocument document)
    {
        var components = new VdrComponentIndex(document.Components);
        var statements = new List<VexStatement>();
        var diagnostics = new List<Diagnostic>();
        var withoutAnalysis = 0;
        foreach (var vulnerability in document.Vulnerabilities)
        {
            if (vulnerability.Analysis is not { State: not null } analysis)
            {
                withoutAnalysis++;
                continue;
            }

            if (Statement(path, document, vulnerability, analysis, components, diagnostics) is { } statement)
            {
                if (VexStatements.Rejection(path, statement, "CycloneDX VEX") is { } rejection)
                {
                    diagnostics.Add(rejection);
                }
                else
                {
                    statements.Add(statement);
                }
            }
        }

        if (withoutAnalysis > 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.RecordSkipped,
                path,
                string.Create(CultureInfo.InvariantCulture, $"{withoutAnalysis} of {document.Vulnerabilities.Count} vulnerabilities have no analysis (no state): they are findings, not VEX statements; read them with 'ctem ingest'")));
        }

        return VexReadResult.Ok(new VexDocument("cyclonedx", document.SerialNumber, document.Author, document.Timestamp, statements), diagnostics);
    }

    private static VexStatement? Statement(
        string path, VdrDocument document, VdrVulnerability vulnerability, VdrAnalysis analysis, VdrComponentIndex components, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(vulnerability.Id))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVexStatement, path, "a vulnerability with an analysis has no id", vulnerability.Pointer));
            return null;
        }

        var id = vulnerability.Id.Trim();
        if (CycloneDxVexMapping.StateOf(analysis.State) is not { } state)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.InvalidVexStatement,
                path,
                $"{id}: analysis state '{analysis.State}' is not one of {CycloneDxVexMapping.StateNames}",
                vulnerability.Pointer));
            return null;
        }

        var exact = vulnerability.Properties.Where(p => p.Key == CycloneDxVexMapping.JustificationProperty).Select(p => VexJustifications.Parse(p.Value)).FirstOrDefault(j => j is not null);
        var justification = exact ?? CycloneDxVexMapping.JustificationOf(analysis.Justification);
        if (analysis.Justification is { } written && justification is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidVexStatement, path, $"{id}: analysis justification '{written}' is not a CycloneDX justification", vulnerability.Pointer));
            return null;
        }

        var targets = vulnerability.Affects.SelectMany(a => Targets(path, id, a, components, diagnostics)).DistinctBy(VexStatements.TargetKey).ToList();
        if (targets.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"{id}: the analysis affects no component; skipped", vulnerability.Pointer));
            return null;
        }

        var aliases = vulnerability.ReferenceIds.Select(r => r.Trim()).Where(r => r.Length > 0 && r != id).Distinct(StringComparer.Ordinal).ToList();
        return new VexStatement(id, aliases, targets, state)
        {
            Product = document.Target,
            Justification = justification ?? VexJustification.Unspecified,
            FormatJustification = analysis.Justification,
            Detail = NonBlank(analysis.Detail),
            ActionStatement = NonBlank(vulnerability.Recommendation),
            Responses = analysis.Responses.Where(r => r.Length > 0).ToList(),
            Evidence = vulnerability.Properties.Where(p => p.Key == CycloneDxVexMapping.EvidenceProperty).Select(p => p.Value).ToList(),
            Timestamp = analysis.LastUpdated ?? analysis.FirstIssued ?? vulnerability.Updated ?? vulnerability.Published ?? document.Timestamp,
            Author = document.Author,
            Location = vulnerability.Pointer,
        };
    }

    // A ref with a version is that component; a versionless one (a package, a bom-link) is narrowed by the affects
    // entry's versions and vers ranges, except those it lists as unaffected.
    private static IEnumerable<VexTarget> Targets(string path, string id, VdrAffect affect, VdrComponentIndex components, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(affect.Ref))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"{id}: an affects entry has no ref; skipped", affect.Pointer));
            yield break;
        }

        var resolved = components.Resolve(affect.Ref.Trim());
        if (!resolved.Known)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ComponentWithoutPurl, path, $"{id}: affects ref '{resolved.Name}' names no component of the BOM; kept by name, matched on nothing", affect.Pointer));
        }

        var name = resolved.Purl is null ? (resolved.Version is { } v ? $"{resolved.Name}@{v}" : resolved.Name) : null;
        var versions = affect.Versions.Where(v => !string.Equals(v.Status, "unaffected", StringComparison.OrdinalIgnoreCase)).ToList();
        if (resolved.Purl is not { Version: null } versionless || versions.Count == 0)
        {
            yield return new VexTarget(resolved.Purl?.ToString(), null, resolved.Cpe) { Name = name };
            yield break;
        }

        foreach (var version in versions)
        {
            yield return version.Range is { Length: > 0 } range
                ? new VexTarget(versionless.ToString(), range, resolved.Cpe)
                : new VexTarget((versionless with { Version = version.Version?.Trim() }).ToString(), null, resolved.Cpe);
        }
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
