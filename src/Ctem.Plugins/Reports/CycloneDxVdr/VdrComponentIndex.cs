using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.CycloneDxVdr;

/// <summary>What an <c>affects[].ref</c> names: a package (purl), else a component's name and version, else the ref itself.</summary>
internal sealed record VdrResolvedRef(PackageUrl? Purl, string? Name, string? Version, bool Known)
{
    public string? Cpe { get; init; }

    /// <summary>The component's <c>syft:package:type</c>, when it has no purl.</summary>
    public string? SyftType { get; init; }
}

/// <summary>
/// The BOM's components by bom-ref (nested ones included), so that <c>affects[].ref</c> resolves the way both the VDR
/// parser (findings) and the VEX readers (statements) need.
/// </summary>
internal sealed class VdrComponentIndex
{
    private const string BomLinkScheme = "urn:cdx:";

    private readonly Dictionary<string, VdrComponent> byRef = new(StringComparer.Ordinal);

    public VdrComponentIndex(IEnumerable<VdrComponent> components)
    {
        foreach (var component in components)
        {
            if (component.BomRef is { Length: > 0 } bomRef)
            {
                byRef.TryAdd(bomRef, component);
            }
        }
    }

    /// <summary>
    /// The component with that bom-ref (by purl, else by name); a ref that is itself a purl (tools often use the purl as
    /// the bom-ref) or a bom-link (<c>urn:cdx:serial/version#ref</c>) whose fragment is one; else unknown, named by the ref.
    /// </summary>
    public VdrResolvedRef Resolve(string reference)
    {
        if (byRef.TryGetValue(reference, out var component))
        {
            if (component.Purl is { } purl && PackageUrl.Parse(purl) is { Success: true } parsed)
            {
                return new VdrResolvedRef(parsed.Value, null, null, true) { Cpe = component.Cpe };
            }

            if (component.Name is { Length: > 0 } name)
            {
                return new VdrResolvedRef(null, component.Group is { Length: > 0 } group ? $"{group}/{name}" : name, component.Version, true) { Cpe = component.Cpe, SyftType = component.SyftType };
            }
        }

        if (PackageUrl.Parse(reference) is { Success: true } referenced)
        {
            return new VdrResolvedRef(referenced.Value, null, null, true);
        }

        // A bom-link points into another BOM: only a fragment that is a purl says which package.
        if (reference.StartsWith(BomLinkScheme, StringComparison.OrdinalIgnoreCase)
            && reference.IndexOf('#', StringComparison.Ordinal) is var hash and > 0
            && PackageUrl.Parse(Uri.UnescapeDataString(reference[(hash + 1)..])) is { Success: true } linked)
        {
            return new VdrResolvedRef(linked.Value, null, null, true);
        }

        return new VdrResolvedRef(null, reference, null, false);
    }
}
