using Ctem.Core.Scoring.Risk;

namespace Ctem.Core.Model;

/// <summary>
/// One vulnerability under all its names. <see cref="Id"/> is the name shown first, by
/// <see cref="VulnerabilityIdentity.PreferredId"/>; <see cref="Aliases"/> holds every other name.
/// </summary>
public sealed record VulnerabilityRef(
    string Id,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string? Severity,
    IReadOnlyList<string> AdvisoryIds)
{
    /// <summary>The most recent CVSS vector the advisories give (v4.0, else v3.x, else v2.0), or null.</summary>
    public string? Cvss { get; init; }

    /// <summary>Who supplied <see cref="Cvss"/>: <c>osv:GHSA-…</c>, <c>report:grype</c>, <c>cve:cna</c>, <c>nvd:primary</c>, …; null where unknown (stored before this was kept).</summary>
    public string? CvssSource { get; init; }

    /// <summary>Who supplied <see cref="Severity"/>, as for <see cref="CvssSource"/>.</summary>
    public string? SeveritySource { get; init; }

    /// <summary>Every CVSS vector its sources give, with who gave it (joined from CVE records; see <c>CvssSelection</c>).</summary>
    public IReadOnlyList<CvssCandidate> CvssCandidates { get; init; } = [];

    /// <summary>SSVC decision points CISA decided for it (from the CISA ADP container of its CVE record); null when none.</summary>
    public SsvcPoints? Ssvc { get; init; }

    /// <summary>References evidencing a public exploit or proof of concept, from any of its advisories.</summary>
    public IReadOnlyList<string> ExploitReferences { get; init; } = [];

    /// <summary>The CWE weaknesses its sources name ("CWE-79"), sorted.</summary>
    public IReadOnlyList<string> Cwes { get; init; } = [];
}

/// <summary>What one scan saw: a component of the product that a vulnerability affects.</summary>
public sealed record ObservedFinding(Component Component, VulnerabilityRef Vulnerability, IReadOnlyList<string> FixedVersions)
{
    /// <summary>The identity of the exposure within a product: package coordinates plus vulnerability.</summary>
    public string Key => FindingKey.Of(ComponentCoordinates, Vulnerability.Id);

    public string ComponentCoordinates => Component.Coordinates;

    /// <summary>The risk assessment made when the scan saw it; null until prioritized.</summary>
    public RiskAssessment? Risk { get; init; }

    /// <summary>
    /// The names the source itself gave the weakness (a tool's vulnerability ids or rule); empty means the advisories
    /// Ctem matched (<see cref="VulnerabilityRef.AdvisoryIds"/>).
    /// </summary>
    public IReadOnlyList<string> ReportedAs { get; init; } = [];

    /// <summary>
    /// Where code scanning shows it: the manifest, lockfile or SBOM that declares the component, the file a code finding
    /// is in, or the report that names an endpoint; null when not placed.
    /// </summary>
    public FilePlace? Place { get; init; }

    /// <summary>
    /// Why the reported weakness is probably not about this component ("the advisory is for crates.io
    /// (RUSTSEC-2021-0049), the component is npm"); null when nothing speaks against it. A suspect finding is kept and
    /// shown, ranked down.
    /// </summary>
    public string? Suspect { get; init; }

    /// <summary>The team that owns it (see <c>Mobilization/Owners</c>); null when nothing names one.</summary>
    public string? Owner { get; init; }

    /// <summary>Which rule named <see cref="Owner"/>: <c>owners: pkg:npm/@acme/*</c>, <c>CODEOWNERS:12 /web/</c>, <c>product owner</c>.</summary>
    public string? OwnerSource { get; init; }

    /// <summary>The CPEs a tool matched it by (<see cref="ReportedFinding.MatchedCpes"/>), for judging it; not stored.</summary>
    public IReadOnlyList<string> MatchedCpes { get; init; } = [];

    /// <summary>How the package identity was derived (<see cref="ReportedFinding.Identity"/>); null when the source named the package.</summary>
    public IdentityDerivation? Identity { get; init; }
}

public static class FindingKey
{
    public static string Of(string componentCoordinates, string vulnerabilityId) => $"{componentCoordinates}|{vulnerabilityId}";
}

/// <summary>One source of a finding: who reports it, under which names, since and until which run, and whether it still does.</summary>
public sealed record FindingSource(string Source, IReadOnlyList<string> ReportedAs, long FirstRunId, long LastRunId, bool Active)
{
    /// <summary>The tool behind the source's runs ("ctem-scan", "trivy", …); the same as <see cref="Source"/> for runs recorded before sources were named.</summary>
    public string Tool { get; init; } = Source;
}

public enum FindingStatus
{
    Unspecified = 0,
    Open,
    Resolved,
}

/// <summary>A finding as stored: its current state and where it has been seen.</summary>
public sealed record StoredFinding(
    long Id,
    string Product,
    string ComponentPurl,
    string? Ecosystem,
    string PackageName,
    string? Version,
    VulnerabilityRef Vulnerability,
    IReadOnlyList<string> FixedVersions,
    FindingStatus Status,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    IReadOnlyList<string> Sources)
{
    /// <summary>The component's scope as the latest scan that saw it said.</summary>
    public DependencyScope Scope { get; init; }

    /// <summary>Direct or transitive, as the latest scan that saw it said.</summary>
    public DependencyRelation Relation { get; init; }

    /// <summary>Where its version was inferred from (<see cref="Component.VersionInferredFrom"/>), as the latest scan that saw it said; null when stated.</summary>
    public string? VersionInferredFrom { get; init; }

    /// <summary>The latest risk assessment: at its last scan, or after a feed update re-assessed it. Null for findings never assessed.</summary>
    public RiskAssessment? Risk { get; init; }

    /// <summary>The day the fix is due by the SLA of its priority, counted from when it was first seen.</summary>
    public DateTimeOffset? DueAt => Risk?.DueFrom(FirstSeenAt);

    /// <summary>When the last source stopped reporting it; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How often it came back after being resolved.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Where the latest observation placed it (<see cref="ObservedFinding.Place"/>); null for findings stored before places were kept.</summary>
    public FilePlace? Place { get; init; }

    /// <summary>Why the latest observation found it suspect (<see cref="ObservedFinding.Suspect"/>); null when it did not.</summary>
    public string? Suspect { get; init; }

    /// <summary>The team that owns it: the one assigned by hand (<c>ctem assign</c>), else the one its product's rules name; null when none does.</summary>
    public string? Owner { get; init; }

    /// <summary>Which rule or assignment named <see cref="Owner"/>.</summary>
    public string? OwnerSource { get; init; }

    /// <summary>How the latest observation derived the package identity (<see cref="ObservedFinding.Identity"/>); null when its source named the package.</summary>
    public IdentityDerivation? Identity { get; init; }

    /// <summary>The VEX analysis in force (the winning statement); null when no statement applies.</summary>
    public Stores.FindingVex? Vex { get; init; }

    /// <summary>The accepted risk in force (<c>ctem accept</c>); null when none. An accepted finding leaves the open list until its end date.</summary>
    public Stores.RiskAcceptance? Acceptance { get; init; }
}
