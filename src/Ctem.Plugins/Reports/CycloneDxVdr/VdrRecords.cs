namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>A component as both encodings state it, found by its bom-ref.</summary>
internal sealed record VdrComponent(string? BomRef, string? Purl, string? Group, string? Name, string? Version)
{
    public string? Cpe { get; init; }

    /// <summary>The package type Syft (behind Grype's and Syft's BOMs) writes in the <c>syft:package:type</c> property: <c>rpm</c>, <c>deb</c>, …</summary>
    public string? SyftType { get; init; }
}

internal sealed record VdrRating(string? Severity, string? Method, string? Vector, double? Score);

/// <param name="Version">An exact version, as opposed to a <c>vers:</c> range.</param>
internal sealed record VdrAffectedVersion(string? Version, string? Status)
{
    /// <summary>A <c>vers:</c> range, given instead of <see cref="Version"/>.</summary>
    public string? Range { get; init; }
}

internal sealed record VdrAffect(string? Ref, IReadOnlyList<VdrAffectedVersion> Versions, string Pointer);

/// <summary>A vulnerability's <c>analysis</c>: what makes it a VEX statement.</summary>
internal sealed record VdrAnalysis(string? State, string? Justification, IReadOnlyList<string> Responses, string? Detail)
{
    public DateTimeOffset? FirstIssued { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }
}

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
    string Pointer)
{
    /// <summary>The whole analysis; null when the vulnerability has none (a VDR entry).</summary>
    public VdrAnalysis? Analysis { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>The vulnerability's <c>properties</c> as name and value, in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];
}

/// <summary>What a BOM says besides its vulnerabilities: who made it and about what.</summary>
internal sealed record VdrDocument(string? Tool, string? ToolVersion, string? Target, IReadOnlyList<VdrComponent> Components, IReadOnlyList<VdrVulnerability> Vulnerabilities)
{
    /// <summary>"1.4" … as the document states it (JSON <c>specVersion</c>, the XML namespace's last segment).</summary>
    public string? SpecVersion { get; init; }

    public string? SerialNumber { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The first of the metadata's authors, manufacturer or supplier that has a name.</summary>
    public string? Author { get; init; }

    /// <summary>The version of the metadata's component (<see cref="Target"/> is its name).</summary>
    public string? TargetVersion { get; init; }
}
