using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>The column values of a <c>findings</c> row as written from one observation.</summary>
internal sealed record FindingRow(
    long Id,
    long ProductId,
    long RunId,
    string FindingKey,
    string ComponentPurl,
    string? Ecosystem,
    string PackageName,
    string? Version,
    string VulnerabilityId,
    string AliasesJson,
    string AdvisoryIdsJson,
    string? Summary,
    string? Severity,
    string FixedVersionsJson,
    string? Scope,
    string? Relation,
    string? VersionInferredFrom,
    string? CvssVector,
    string? CvssSource,
    string? SeveritySource,
    string? ExploitReferencesJson,
    string? CwesJson,
    double? RiskScore,
    string? Priority,
    string? RiskJson,
    string? LocationRoot,
    string? LocationPath,
    int? LocationLine,
    DateTimeOffset At)
{
    public string? Suspect { get; init; }

    public string? Owner { get; init; }

    public string? OwnerSource { get; init; }

    public string? IdentityDerivedFrom { get; init; }

    public string? IdentityConfidence { get; init; }

    public static FindingRow From(ObservedFinding finding, long productId, long runId, DateTimeOffset at)
    {
        var component = finding.Component;
        var vulnerability = finding.Vulnerability;
        return new FindingRow(
            Id: 0,
            productId,
            runId,
            finding.Key,
            finding.ComponentCoordinates,
            component.Ecosystem,
            component.PackageKey?.Name ?? component.Name,
            component.MatchVersion,
            vulnerability.Id,
            JsonArrays.Of(vulnerability.Aliases),
            JsonArrays.Of(vulnerability.AdvisoryIds),
            vulnerability.Summary,
            vulnerability.Severity,
            JsonArrays.Of(finding.FixedVersions),
            ComponentFacts.Scope(component.Scope),
            ComponentFacts.Relation(component.Relation),
            component.VersionInferredFrom,
            vulnerability.Cvss,
            vulnerability.CvssSource,
            vulnerability.SeveritySource,
            vulnerability.ExploitReferences.Count == 0 ? null : JsonArrays.Of(vulnerability.ExploitReferences),
            vulnerability.Cwes.Count == 0 ? null : JsonArrays.Of(vulnerability.Cwes),
            finding.Risk?.Score,
            RiskColumns.Priority(finding.Risk),
            finding.Risk is { } risk ? StorageJson.Serialize(risk) : null,
            finding.Place?.Root,
            finding.Place?.Path,
            finding.Place?.Line,
            at)
        {
            Suspect = finding.Suspect,
            Owner = finding.Owner,
            OwnerSource = finding.OwnerSource,
            IdentityDerivedFrom = finding.Identity?.DerivedFrom,
            IdentityConfidence = finding.Identity is { } identity ? IdentityDerivation.Word(identity.Confidence) : null,
        };
    }
}
