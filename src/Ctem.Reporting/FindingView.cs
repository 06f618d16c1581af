using Ctem.Core.Model;
using Ctem.Core.Scoring;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Reporting;

/// <summary>One finding as every output format shows it, whether it comes from a scan just run or from the store.</summary>
public sealed record FindingView(
    string Product,
    string Purl,
    string? Ecosystem,
    string Name,
    string? Version,
    SourceLocation? Location,
    VulnerabilityRef Vulnerability,
    IReadOnlyList<string> FixedVersions,
    string Status,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> Sources)
{
    /// <summary>KEV and EPSS facts, joined at report time; null when neither feed knows the vulnerability.</summary>
    public Exploitation? Exploitation { get; init; }

    public DependencyScope Scope { get; init; }

    public DependencyRelation Relation { get; init; }

    /// <summary>The finding's id in the store (what <c>ctem findings --explain</c> takes); null when the scan stored nothing.</summary>
    public long? Id { get; init; }

    /// <summary>The risk assessment; null for findings stored before risk scoring, until seen again.</summary>
    public RiskAssessment? Risk { get; init; }

    /// <summary>The SLA due date, or the KEV due date when earlier (<see cref="Core.Scoring.Risk.DueDate"/>).</summary>
    public DateTimeOffset? DueAt => Due?.At;

    public DueDate? Due => DueDate.Of(Risk, FirstSeenAt, Exploitation?.Kev);

    /// <summary>When the last source stopped reporting it; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How often it came back after being resolved.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Where code scanning shows it (SARIF's physical location); null for findings stored before places were kept.</summary>
    public FilePlace? Place { get; init; }

    /// <summary>Why the finding is probably a false positive (its advisory is for another ecosystem, …); null when nothing speaks against it.</summary>
    public string? Suspect { get; init; }

    /// <summary>The team that owns it; null when nothing names one.</summary>
    public string? Owner { get; init; }

    /// <summary>Which rule or assignment named <see cref="Owner"/>.</summary>
    public string? OwnerSource { get; init; }

    /// <summary>How the package was derived when its report named no purl (<see cref="IdentityDerivation"/>); null when a source named it.</summary>
    public IdentityDerivation? Identity { get; init; }

    /// <summary>The VEX analysis in force (its winning statement); null when none applies or the finding comes from a scan just run.</summary>
    public FindingVex? Vex { get; init; }

    /// <summary>The accepted risk in force; null when none.</summary>
    public RiskAcceptance? Acceptance { get; init; }

    /// <summary>Most urgent first; ties in a stable, readable order.</summary>
    public static IReadOnlyList<FindingView> ByPriority(IEnumerable<FindingView> findings) =>
        findings
            .OrderByDescending(f => f.Risk?.Score ?? -1)
            .ThenBy(f => f.Product, StringComparer.Ordinal)
            .ThenBy(f => f.Purl, StringComparer.Ordinal)
            .ThenBy(f => f.Vulnerability.Id, StringComparer.Ordinal)
            .ToList();

    public FindingView With(IReadOnlyDictionary<string, Exploitation> exploitation) =>
        this with { Exploitation = exploitation.GetValueOrDefault(Vulnerability.Id) };

    /// <summary>The finding with its vulnerability as its CVE records complete it: the chosen CVSS and its source, every candidate, CISA's SSVC.</summary>
    public FindingView With(IReadOnlyDictionary<string, IReadOnlyList<CveRecord>> cveRecords) =>
        this with { Vulnerability = Engine.Prioritization.CveRecordLookup.Apply(Vulnerability, cveRecords) };

    public static FindingView From(string product, ObservedFinding finding, string source, RecordedFinding? recorded) => new(
        product,
        finding.ComponentCoordinates,
        finding.Component.Ecosystem,
        finding.Component.Purl is { } purl ? Ecosystems.PackageNameOf(purl) : finding.Component.Name,
        finding.Component.MatchVersion,
        finding.Component.Location,
        Spelled(finding.Vulnerability),
        finding.FixedVersions,
        "open",
        recorded?.FirstSeenAt,
        null,
        [source])
    {
        Scope = finding.Component.Scope,
        Relation = finding.Component.Relation,
        Id = recorded?.Id,
        Risk = finding.Risk,
        ReopenCount = recorded?.ReopenCount ?? 0,
        Place = finding.Place,
        Suspect = finding.Suspect,
        Owner = finding.Owner,
        OwnerSource = finding.OwnerSource,
        Identity = finding.Identity,
    };

    public static FindingView From(StoredFinding finding) => new(
        finding.Product,
        finding.ComponentPurl,
        finding.Ecosystem,
        finding.PackageName,
        finding.Version,
        null,
        Spelled(finding.Vulnerability),
        finding.FixedVersions,
        finding.Status == FindingStatus.Open ? "open" : "resolved",
        finding.FirstSeenAt,
        finding.LastSeenAt,
        finding.Sources)
    {
        Scope = finding.Scope,
        Relation = finding.Relation,
        Id = finding.Id,
        Risk = finding.Risk,
        ResolvedAt = finding.ResolvedAt,
        ReopenCount = finding.ReopenCount,
        Place = finding.Place,
        Suspect = finding.Suspect,
        Owner = finding.Owner,
        OwnerSource = finding.OwnerSource,
        Identity = finding.Identity,
        Vex = finding.Vex,
        Acceptance = finding.Acceptance,
    };

    // Every output spells a source's severity label the one way (Severities), whatever the source wrote.
    private static VulnerabilityRef Spelled(VulnerabilityRef vulnerability) =>
        vulnerability with { Severity = Severities.Normalize(vulnerability.Severity) };
}
