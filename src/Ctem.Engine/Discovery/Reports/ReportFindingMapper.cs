using Ctem.Core.Model;
using Ctem.Engine.Inputs;

namespace Ctem.Engine.Discovery.Reports;

/// <summary>
/// Turns a scanner's findings into the same model as Ctem's own scan findings, with one identity per exposure:
/// the asset's key (plus, for code and web findings, where in it), and the weakness — the vulnerability under its
/// preferred id across the knowledge base's alias groups, else the tool's rule (scoped by tool: rule ids of two tools
/// never merge).
/// </summary>
public static class ReportFindingMapper
{
    /// <param name="root">The directory the reports were read from (<see cref="InputRoot"/>); by default the report's own.</param>
    public static ObservedFinding ToObserved(
        ScannerReport report, ReportedFinding finding, string reportPath, IReadOnlyDictionary<string, IReadOnlyList<string>> aliasGroups, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(aliasGroups);
        var asset = finding.Asset;
        var component = new Component(asset.Name, asset.Version, asset.Purl, null, new SourceLocation(reportPath, finding.ReportPointer))
        {
            Coordinates = Coordinates(finding),
        };
        return new ObservedFinding(component, Weakness(report, finding, aliasGroups), finding.FixedVersions)
        {
            ReportedAs = finding.VulnerabilityIds.Count > 0 ? finding.VulnerabilityIds : [finding.RuleId ?? finding.Title],
            Place = PlaceOf(finding, component.Location, root ?? InputRoot.Of([reportPath])),
            MatchedCpes = finding.MatchedCpes,
            Identity = finding.Identity,
            Suspect = finding.Suspect,
        };
    }

    // A code finding sits in its file (relative to the tool's root, which Ctem does not know); any other in the report
    // that names it: an endpoint or a host has no file of its own.
    private static FilePlace PlaceOf(ReportedFinding finding, SourceLocation inReport, string root) =>
        finding.Asset.Kind == AssetKind.File
            ? new FilePlace(null, finding.Asset.Name, finding.Location?.Line)
            : InputRoot.PlaceOf(root, inReport);

    /// <summary>
    /// The tool's name as a finding source: lower-case, no spaces ("Trivy" → "trivy", "OWASP ZAP" → "owasp-zap"). A
    /// report cannot speak as Ctem's own scan: a tool calling itself "ctem-scan" becomes "ctem-scan-report", so its
    /// report can never release the scan's findings.
    /// </summary>
    public static string SourceOf(ScannerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = report.Tool.Trim().ToLowerInvariant().Replace(' ', '-');
        return name.Length == 0 ? "unknown-tool"
            : name == ScanRunner.SourceName ? name + "-report"
            : name;
    }

    // Provenance of a value the tool reported: the explanation names the report, not an advisory merged beside it.
    private static string? Supplied(ScannerReport report, string? value) => value is null ? null : $"report:{SourceOf(report)}";

    private static string[] Cwes(ReportedFinding finding) => [.. finding.Cwes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    // A file holds many results of one rule, a URL many parameters: there the place is part of the exposure's identity.
    private static string Coordinates(ReportedFinding finding)
    {
        var place = finding.Asset.Kind switch
        {
            AssetKind.File => finding.ToolFingerprint ?? finding.Location?.Pointer,
            AssetKind.Url => finding.Location?.Pointer,
            _ => null,
        };
        return place is null ? finding.Asset.Key : $"{finding.Asset.Key}#{place}";
    }

    private static VulnerabilityRef Weakness(ScannerReport report, ReportedFinding finding, IReadOnlyDictionary<string, IReadOnlyList<string>> aliasGroups)
    {
        var severity = finding.Severity?.ToUpperInvariant();
        if (finding.VulnerabilityIds.Count == 0)
        {
            var source = SourceOf(report);
            var ruleId = finding.RuleId ?? finding.Title;
            var rule = finding.SharedRule || ruleId.StartsWith(source + ":", StringComparison.Ordinal) ? ruleId : $"{source}:{ruleId}";
            // CWEs are not names of this weakness: two rules with one CWE on one asset are two findings.
            return new VulnerabilityRef(rule, [], finding.Title, severity, [])
            {
                Cvss = finding.CvssVector,
                CvssSource = Supplied(report, finding.CvssVector),
                SeveritySource = Supplied(report, severity),
                Cwes = Cwes(finding),
            };
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in finding.VulnerabilityIds)
        {
            names.Add(id);
            if (aliasGroups.TryGetValue(id, out var group))
            {
                names.UnionWith(group);
            }
        }

        var preferred = VulnerabilityIdentity.PreferredId(names);
        names.Remove(preferred);
        return new VulnerabilityRef(preferred, [.. names], finding.Title, severity, [])
        {
            Cvss = finding.CvssVector,
            CvssSource = Supplied(report, finding.CvssVector),
            SeveritySource = Supplied(report, severity),
            Cwes = Cwes(finding),
        };
    }
}
