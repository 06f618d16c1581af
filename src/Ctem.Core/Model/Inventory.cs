namespace Ctem.Core.Model;

/// <summary>The product an inventory describes: in CycloneDX, <c>metadata.component</c>.</summary>
public sealed record ProductRef(string Name, string? Version);

/// <summary>Where a component was found, so a user can go and look.</summary>
public sealed record SourceLocation(string Path, string? Pointer);

/// <summary>One software component of a product release.</summary>
/// <remarks>The derived keys are computed once, at construction: matching reads them for every advisory check.</remarks>
public sealed record Component(string Name, string? Version, PackageUrl? Purl, string? BomRef, SourceLocation Location)
{
    public string? Ecosystem { get; } = Purl is null ? null : Ecosystems.FromPurl(Purl);

    /// <summary>The name under which advisories list this component, or null when it cannot be matched.</summary>
    public PackageKey? PackageKey { get; } = KeyOf(Purl);

    /// <summary>The version to match: the purl's, else the component's own field.</summary>
    public string? MatchVersion => Purl?.Version ?? Version;

    /// <summary>The package and version this component is: its purl without qualifiers and subpath.</summary>
    public string Coordinates { get; } = Purl?.ToCoordinates() ?? $"{Name}@{Version}";

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
public sealed record Inventory(ProductRef? Product, IReadOnlyList<Component> Components);
