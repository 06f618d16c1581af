namespace Ctem.Core.Model;

/// <summary>The product an inventory describes: in CycloneDX, <c>metadata.component</c>.</summary>
public sealed record ProductRef(string Name, string? Version);

/// <summary>Where a component was found, so a user can go and look.</summary>
/// <param name="Pointer">The place in the file as its format names it: a JSON pointer, an XPath, or <c>line N</c>.</param>
public sealed record SourceLocation(string Path, string? Pointer)
{
    /// <summary>
    /// The one-based line the component is declared on, where known: read from a <c>line N</c> pointer, or set by
    /// whoever had the file's text (a JSON pointer or an XML element resolved in it). Code scanning places results on it.
    /// </summary>
    public int? Line { get; init; } = LineOf(Pointer);

    private static int? LineOf(string? pointer) =>
        pointer is not null && pointer.StartsWith("line ", StringComparison.Ordinal)
            && int.TryParse(pointer.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) && line > 0
            ? line
            : null;
}

/// <summary>How a component is used: what a lockfile or SBOM says of its scope.</summary>
public enum DependencyScope
{
    /// <summary>The input does not say.</summary>
    Unspecified = 0,
    Runtime,
    Development,
    Test,
    Optional,
}

/// <summary>Whether the product depends on a component itself or only through another component.</summary>
public enum DependencyRelation
{
    /// <summary>The input does not say.</summary>
    Unspecified = 0,
    Direct,
    Transitive,
}

/// <summary>A component's digest as the input gives it (algorithm as the format names it: "SHA-256", "sha512", …).</summary>
public sealed record ComponentHash(string Algorithm, string Value);

/// <summary>One software component of a product release.</summary>
/// <remarks>
/// The derived keys are computed once, at construction: matching reads them for every advisory check. The optional
/// facts (scope, relation, graph edges, licences, hashes, CPE) are set by the parsers whose formats carry them.
/// </remarks>
public sealed record Component(string Name, string? Version, PackageUrl? Purl, string? BomRef, SourceLocation Location)
{
    public DependencyScope Scope { get; init; }

    public DependencyRelation Relation { get; init; }

    /// <summary>The <see cref="BomRef"/>s of the components this one depends on directly.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>SPDX licence ids or expressions, as declared.</summary>
    public IReadOnlyList<string> Licenses { get; init; } = [];

    public IReadOnlyList<ComponentHash> Hashes { get; init; } = [];

    public string? Cpe { get; init; }

    /// <summary>The CycloneDX component type ("library", "application", "operating-system", …) where known.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Where the version was inferred from, when the input does not state the version the product ships: a go.mod
    /// without a <c>toolchain</c> directive names only the least Go release the module builds with. Null when the
    /// version is stated. Findings on an inferred version are scored with less confidence (the risk model's
    /// <c>confidence</c> factor).
    /// </summary>
    public string? VersionInferredFrom { get; init; }

    public string? Ecosystem { get; } = Purl is null ? null : Ecosystems.FromPurl(Purl);

    /// <summary>The name under which advisories list this component, or null when it cannot be matched.</summary>
    public PackageKey? PackageKey { get; } = KeyOf(Purl);

    /// <summary>
    /// The version to match: the source package's version where the purl names one (<c>upstream=name@version</c>
    /// on deb/rpm/apk purls, since distribution advisories list source packages), else the purl's (an rpm's with its
    /// epoch), else the component's own field.
    /// </summary>
    public string? MatchVersion => (Purl is null ? null : Ecosystems.MatchVersionOf(Purl)) ?? Version;

    /// <summary>The package and version this component is: its purl without qualifiers and subpath.</summary>
    /// <remarks>Assets that are not packages (an endpoint, a URL, a file) set their own identity here.</remarks>
    public string Coordinates { get; init; } = Purl?.ToCoordinates() ?? $"{Name}@{Version}";

    private static PackageKey? KeyOf(PackageUrl? purl) =>
        purl is not null && Ecosystems.FromPurl(purl) is { } ecosystem
            ? new PackageKey(ecosystem, Ecosystems.NormalizeName(ecosystem, Ecosystems.PackageNameOf(purl)))
            : null;
}

/// <summary>(ecosystem, normalised name): the index key that advisories are looked up by.</summary>
public readonly record struct PackageKey(string Ecosystem, string Name)
{
    public override string ToString() => $"{Ecosystem}/{Name}";
}

/// <summary>What discovery found in one input: the product (if the input names one) and its components.</summary>
public sealed record Inventory(ProductRef? Product, IReadOnlyList<Component> Components)
{
    /// <summary>The services the input declares (CycloneDX <c>services[]</c>, nested ones included); empty for other formats.</summary>
    public IReadOnlyList<DeclaredService> Services { get; init; } = [];
}

/// <summary>
/// A service the product provides or calls, as a CycloneDX <c>services[]</c> entry declares it: its endpoints, whether it
/// is authenticated, whether it crosses a trust boundary, its trust zone and the data it exchanges.
/// </summary>
/// <param name="TopLevel">True for a service of the BOM's own list; false for one nested inside another service.</param>
public sealed record DeclaredService(string Name, string? BomRef, SourceLocation Location, bool TopLevel)
{
    public string? Provider { get; init; }

    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>Null when the BOM does not say.</summary>
    public bool? Authenticated { get; init; }

    /// <summary><c>x-trust-boundary</c> (1.3–1.4) or <c>trustZone</c>'s presence (1.5+): calls cross a trust boundary.</summary>
    public bool? TrustBoundary { get; init; }

    public string? TrustZone { get; init; }

    /// <summary>The data classifications it exchanges ("PII", "PIFI", …) with their flow direction.</summary>
    public IReadOnlyList<ServiceDataFlow> Data { get; init; } = [];

    /// <summary>The bom-refs of the services it calls: nested services and the BOM's <c>dependencies</c>.</summary>
    public IReadOnlyList<string> Calls { get; init; } = [];
}

/// <summary>One data flow of a service: a classification and its direction (inbound, outbound, bi-directional, unknown).</summary>
public sealed record ServiceDataFlow(string Classification, string? Flow);
