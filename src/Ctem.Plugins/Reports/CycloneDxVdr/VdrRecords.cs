namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>A component as both encodings state it, found by its bom-ref.</summary>
internal sealed record VdrComponent(string? BomRef, string? Purl, string? Group, string? Name, string? Version)
{
    /// <summary>The package type Syft (behind Grype's and Syft's BOMs) writes in the <c>syft:package:type</c> property: <c>rpm</c>, <c>deb</c>, …</summary>
    public string? SyftType { get; init; }
}

internal sealed record VdrRating(string? Severity, string? Method, string? Vector, double? Score);

/// <param name="Version">An exact version, as opposed to a <c>vers:</c> range.</param>
internal sealed record VdrAffectedVersion(string? Version, string? Status);

internal sealed record VdrAffect(string? Ref, IReadOnlyList<VdrAffectedVersion> Versions, string Pointer);

/// <summary>A vulnerability of the BOM's <c>vulnerabilities</c>, in either encoding.</summary>
internal sealed record VdrVulnerability(
    string? Id,
    IReadOnlyList<string> ReferenceIds,
    IReadOnlyList<VdrRating> Ratings,
    IReadOnlyList<string> Cwes,
    string? Description,
    string? Detail,
    string? Recommendation,
    string? AnalysisState,
    IReadOnlyList<VdrAffect> Affects,
    string Pointer);

/// <summary>What a BOM says besides its vulnerabilities: who made it and about what.</summary>
internal sealed record VdrDocument(string? Tool, string? ToolVersion, string? Target, IReadOnlyList<VdrComponent> Components, IReadOnlyList<VdrVulnerability> Vulnerabilities);
