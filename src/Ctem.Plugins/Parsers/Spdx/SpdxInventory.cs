using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>Turns the packages of an SPDX 2.x document into an inventory: the one described package is the product.</summary>
internal static class SpdxInventory
{
    /// <param name="described">SPDX ids the document DESCRIBES (or that are DESCRIBED_BY it).</param>
    /// <param name="packagesLocation">Where a missing package list is reported.</param>
    public static InventoryResult Build(
        string path,
        IReadOnlyList<SpdxPackage> packages,
        IReadOnlySet<string> described,
        string? packagesLocation,
        List<Diagnostic> diagnostics)
    {
        if (packages.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the SPDX document lists no packages", packagesLocation));
            return new InventoryResult(null, diagnostics);
        }

        var product = ProductOf(packages, described);
        var components = packages
            .Where(p => !ReferenceEquals(p, product))
            .Select(p => new Component(p.Name, p.Version, p.Purl, p.Id, new SourceLocation(path, p.Location)))
            .ToList();
        if (product is not null && components.Count == 0)
        {
            // The document was read and names its product; it just has nothing to match, which is not a parse failure.
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, $"the SPDX document describes '{product.Name}' but lists no other packages", product.Location));
        }

        return new InventoryResult(new Inventory(product is null ? null : new ProductRef(product.Name, product.Version), components), diagnostics);
    }

    // Several described packages (a list of modules, the images of a release) name no single product: all are components.
    private static SpdxPackage? ProductOf(IReadOnlyList<SpdxPackage> packages, IReadOnlySet<string> described)
    {
        var candidates = packages.Where(p => p.Id is not null && described.Contains(p.Id)).ToList();
        return candidates.Count > 0 && candidates.All(p => p.Id == candidates[0].Id) ? candidates[0] : null;
    }
}
