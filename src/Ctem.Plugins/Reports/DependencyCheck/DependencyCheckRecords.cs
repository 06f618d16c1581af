namespace Ctem.Plugins.Reports.DependencyCheck;

/// <summary>A dependency as both report formats state it, so one mapping serves XML and JSON.</summary>
internal sealed record DependencyRecord(
    string? FileName,
    string? FilePath,
    string? Purl,
    string Pointer,
    IReadOnlyList<RelatedDependencyRecord> Related,
    IReadOnlyList<VulnerabilityRecord> Vulnerabilities);

internal sealed record RelatedDependencyRecord(string? FileName, string? FilePath, string? Purl);

/// <param name="Cvss3">The CVSS v3 metric words (attackVector → NETWORK or N, …) and version, when given.</param>
internal sealed record VulnerabilityRecord(
    string? Name,
    string? Severity,
    string? Cvss3Severity,
    string? Cvss2Severity,
    IReadOnlyDictionary<string, string> Cvss3,
    string? Cvss4Vector,
    IReadOnlyList<string> CweTexts,
    string? Description,
    IReadOnlyList<string> FixedVersions,
    string Pointer);
