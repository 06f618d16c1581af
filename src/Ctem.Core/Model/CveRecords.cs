namespace Ctem.Core.Model;

/// <summary>
/// A CVSS vector and who gave it, as a label: <c>cve:cna</c>, <c>cve:adp:CISA-ADP</c>, <c>nvd:primary</c>,
/// <c>nvd:secondary:SOURCE</c>, <c>osv:GHSA-…</c> (an advisory), <c>report:grype</c> (a scanner's report).
/// </summary>
public sealed record CvssCandidate(string Vector, string Source);

/// <summary>A CWE a record names, and which container or source named it.</summary>
public sealed record CveWeakness(string Cwe, string Source);

/// <summary>
/// SSVC decision points a coordinator decided (CISA's ADP "Vulnrichment"), spelled as CISA spells them:
/// exploitation <c>none|public-poc|active</c>, automatable <c>yes|no</c>, technical impact <c>partial|total</c>.
/// </summary>
public sealed record SsvcPoints(string? Exploitation, string? Automatable, string? TechnicalImpact, string Source, DateTimeOffset? Timestamp);

/// <summary>
/// One CVE as one database publishes it: a CVE JSON 5.x record (<see cref="Database"/> <c>cve</c>) or an NVD CVE API
/// 2.0 record (<c>nvd</c>). Not an advisory (it names no package ranges Ctem matches on): it joins findings through
/// their CVE ids and supplies CVSS vectors, CWEs, CISA's SSVC decision points and, from NVD, CPE configurations.
/// </summary>
public sealed record CveRecord(string CveId, string Database, DateTimeOffset Modified, string? Status)
{
    public IReadOnlyList<CvssCandidate> Cvss { get; init; } = [];

    public IReadOnlyList<CveWeakness> Cwes { get; init; } = [];

    public SsvcPoints? Ssvc { get; init; }

    /// <summary>NVD's CPE configurations, as NVD gives them (JSON), kept for CPE matching; null when none.</summary>
    public string? CpeConfigurationsJson { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>Who the record's CVSS and SSVC speak for, to name in explanations ("CVE record", "NVD").</summary>
    public static string DatabaseName(string database) => database == "nvd" ? "NVD" : "CVE";
}
