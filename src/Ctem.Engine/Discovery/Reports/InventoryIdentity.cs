using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Reports;

/// <summary>
/// A reported package's identity completed from what Ctem knows the product holds: its stored findings, the current
/// inventories of its scans (<c>current_packages</c>, with dpkg's and rpm's source packages in the purls'
/// <c>upstream=</c> qualifier), and the other reports of the same ingest. A package named without an ecosystem
/// ("libssl1.1@1.1.1c-r0") takes the purl of the one known package of that name and version; a distribution's source
/// package ("pkg:deb/debian/libde265@1.0.3-1") becomes each binary package the inventory says is built from it
/// (<c>libde265-0</c>), so it meets their findings. Where the inventory does not know, the finding stays as reported.
/// </summary>
public sealed class InventoryIdentity
{
    private static readonly string[] DistributionTypes = ["deb", "rpm", "apk"];

    // Grype's and Syft's package type words, for purl-less packages: the purl type they stand for.
    private static readonly Dictionary<string, string> PurlTypeOfToolType = new(StringComparer.Ordinal)
    {
        ["deb"] = "deb", ["rpm"] = "rpm", ["apk"] = "apk", ["npm"] = "npm", ["python"] = "pypi", ["java-archive"] = "maven",
        ["go-module"] = "golang", ["gem"] = "gem", ["rust-crate"] = "cargo", ["dotnet"] = "nuget", ["php-composer"] = "composer",
    };

    private readonly List<KnownPackage> _known;

    private InventoryIdentity(List<KnownPackage> known) => _known = known;

    public static async Task<InventoryIdentity> LoadAsync(
        ICtemStore store, string product, IEnumerable<StoredFinding> stored, IReadOnlyList<ObservedFinding> reported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(reported);
        // Only what a source named or inferred completes another: a guess never makes one.
        var known = stored.Where(f => f.Identity?.Confidence != IdentityConfidence.Guessed).Select(KnownPackage.From).OfType<KnownPackage>()
            .Concat(reported.Where(f => f.Component.Purl is not null && f.Identity?.Confidence != IdentityConfidence.Guessed).Select(f => KnownPackage.From(f.Component)).OfType<KnownPackage>())
            .ToList();

        // Source packages are looked up in the scans' inventories under every release of their distribution the product is known in.
        var ecosystems = known.Select(k => k.Ecosystem).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var keys = reported
            .Where(f => f.Component.Purl is { } purl && DistributionTypes.Contains(purl.Type) && !purl.Qualifiers.ContainsKey("upstream") && f.Component.PackageKey is not null)
            .SelectMany(f => ecosystems.Where(e => Ecosystems.BaseOf(e) == Ecosystems.BaseOf(f.Component.PackageKey!.Value.Ecosystem))
                .Append(f.Component.PackageKey!.Value.Ecosystem)
                .Select(e => new PackageKey(e, f.Component.PackageKey!.Value.Name)))
            .Distinct()
            .ToList();
        if (keys.Count > 0)
        {
            var inventories = await store.FindInventoriesWithAsync(keys, cancellationToken);
            known.AddRange(inventories.Where(i => i.Product == product).SelectMany(i => i.Components).Select(c => KnownPackage.From(c, scanned: true)).OfType<KnownPackage>());
        }

        return new InventoryIdentity(known);
    }

    /// <summary>The finding on the package the inventory knows it to be: itself when it does not know, several when a source package builds several binaries.</summary>
    public IEnumerable<ObservedFinding> Resolve(ObservedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var component = finding.Component;
        if (component.Purl is null && component.Version is not null)
        {
            var toolType = component.Coordinates.StartsWith(component.Name + "@", StringComparison.Ordinal) ? null : component.Coordinates.Split(':', 2)[0];
            var matches = _known
                .Where(k => k.Name == component.Name && k.Version == component.Version && Fits(toolType, k.PurlType))
                .DistinctBy(k => k.Coordinates)
                .ToList();
            return matches is [var only]
                ? [Rekeyed(finding, only, $"the product's inventory knows one package {component.Name} {component.Version}: {only.Coordinates}")]
                : [finding];
        }

        if (component.Purl is { } purl && DistributionTypes.Contains(purl.Type) && !purl.Qualifiers.ContainsKey("upstream")
            && !_known.Any(k => k.Coordinates == component.Coordinates && k.Scanned))
        {
            var binaries = _known
                .Where(k => k.PurlType == purl.Type && string.Equals(k.Namespace, purl.Namespace, StringComparison.OrdinalIgnoreCase)
                    && k.SourceName == purl.Name && k.SourceVersion == purl.Version && k.Coordinates != component.Coordinates)
                .DistinctBy(k => k.Coordinates)
                .ToList();
            if (binaries.Count > 0)
            {
                return binaries.Select(b => Rekeyed(finding, b, $"the product's inventory knows {b.Name} {b.Version} as built from the source package {purl.Name} {purl.Version}"));
            }
        }

        return [finding];
    }

    private static bool Fits(string? toolType, string purlType) =>
        toolType is null || PurlTypeOfToolType.GetValueOrDefault(toolType, toolType) == purlType;

    private static ObservedFinding Rekeyed(ObservedFinding finding, KnownPackage known, string how)
    {
        var before = finding.Component;
        var component = new Component(known.Purl.Name, known.Purl.Version, known.Purl, before.BomRef, before.Location)
        {
            Scope = before.Scope,
            Relation = before.Relation,
            VersionInferredFrom = before.VersionInferredFrom,
        };
        var inferred = new IdentityDerivation(how, IdentityConfidence.Inferred);
        return finding with { Component = component, Identity = finding.Identity?.Then(inferred) ?? inferred };
    }

    /// <summary>A package the product is known to hold: its coordinates and, for distribution packages, the source package it is built from.</summary>
    /// <param name="Scanned">In a scan's current inventory: only that says a package is installed as a binary of that name (a report, or a finding one stored, may name the source package).</param>
    private sealed record KnownPackage(PackageUrl Purl, string Coordinates, string PurlType, string? Namespace, string Name, string? Version, string SourceName, string? SourceVersion, string? Ecosystem, bool Scanned = false)
    {
        public static KnownPackage? From(Component component, bool scanned = false) =>
            component.Purl is { } purl
                ? new(purl, purl.ToCoordinates(), purl.Type, purl.Namespace, purl.Name, purl.Version, Ecosystems.PackageNameOf(purl), component.MatchVersion, component.Ecosystem, scanned)
                : null;

        // A stored finding keeps the coordinates, and as its package name and version the source package's.
        public static KnownPackage? From(StoredFinding finding) =>
            PackageUrl.Parse(finding.ComponentPurl) is { Success: true, Value: { } purl }
                ? new(purl, finding.ComponentPurl, purl.Type, purl.Namespace, purl.Name, purl.Version, finding.PackageName, finding.Version, finding.Ecosystem)
                : null;
    }
}
