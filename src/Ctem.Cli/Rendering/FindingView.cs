using Ctem.Core.Model;

namespace Ctem.Cli.Rendering;

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

    public FindingView With(IReadOnlyDictionary<string, Exploitation> exploitation) =>
        this with { Exploitation = exploitation.GetValueOrDefault(Vulnerability.Id) };

    public static FindingView From(string product, ObservedFinding finding, string source) => new(
        product,
        finding.ComponentCoordinates,
        finding.Component.Ecosystem,
        finding.Component.Purl is { } purl ? Ecosystems.PackageNameOf(purl) : finding.Component.Name,
        finding.Component.MatchVersion,
        finding.Component.Location,
        finding.Vulnerability,
        finding.FixedVersions,
        "open",
        null,
        null,
        [source])
    {
        Scope = finding.Component.Scope,
        Relation = finding.Component.Relation,
    };

    public static FindingView From(StoredFinding finding) => new(
        finding.Product,
        finding.ComponentPurl,
        finding.Ecosystem,
        finding.PackageName,
        finding.Version,
        null,
        finding.Vulnerability,
        finding.FixedVersions,
        finding.Status == FindingStatus.Open ? "open" : "resolved",
        finding.FirstSeenAt,
        finding.LastSeenAt,
        finding.Sources)
    {
        Scope = finding.Scope,
        Relation = finding.Relation,
    };
}
