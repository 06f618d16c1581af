using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.Cargo;

/// <summary>
/// Reads <c>Cargo.lock</c>, format versions 1 to 4. A <c>[[package]]</c> without <c>source</c> is a workspace member —
/// the project, not a component; the one no other member depends on is the product (when there is exactly one).
/// What members depend on is Direct, the rest Transitive; Cargo.lock does not tell dev-dependencies apart, so the scope
/// is Unspecified. Checksums come from <c>checksum</c> (v2+) or <c>[metadata]</c> (v1).
/// </summary>
public sealed class CargoLockParser : IInventoryParser
{
    private const int NewestFormat = 4;

    public string Name => "cargo/cargo-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("Cargo.lock", StringComparison.Ordinal);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        TomlInventory.ReadAsync(source, document => Read(source, document), cancellationToken);

    private static InventoryResult Read(InputSource source, TomlInventory document)
    {
        var root = document.Root;

        var path = source.Path;
        if (root.GetTables("package") is not { } tables)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Cargo.lock: it has no [[package]] tables"));
        }

        var diagnostics = new List<Diagnostic>();
        if (root.GetInteger("version") is > NewestFormat and var format)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"Cargo.lock format version {format} is newer than {NewestFormat}, the newest this reader knows; read as version {NewestFormat}", "line 1"));
        }

        var packages = new List<CargoPackage>();
        foreach (var table in tables)
        {
            var name = table.GetString("name");
            var version = table.GetString("version");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a [[package]] has no name or no version; skipped", document.LocationOf(table)));
                continue;
            }

            packages.Add(new CargoPackage(name, version, table.GetString("source"), table.GetString("checksum"), table, document.LocationOf(table)));
        }

        var legacyChecksums = root.GetTable("metadata");
        var graph = new CargoGraph(packages);
        var members = packages.Where(p => p.Source is null).ToList();
        var memberDependencies = members.SelectMany(m => graph.Dependencies(m, path, diagnostics)).ToHashSet();
        var roots = members.Where(m => !members.Any(other => other != m && graph.Dependencies(other, path, null).Contains(m))).ToList();

        var built = new Dictionary<CargoPackage, Component>();
        foreach (var package in packages.Where(p => p.Source is not null))
        {
            if (Build(path, package, legacyChecksums, memberDependencies.Contains(package), diagnostics) is { } component)
            {
                built[package] = component;
            }
        }

        var components = built.Select(pair => pair.Value with
        {
            DependsOn = graph.Dependencies(pair.Key, path, null).Select(d => built.GetValueOrDefault(d)?.BomRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        }).ToList();

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the Cargo.lock locks no crates besides the workspace's own"));
            return new InventoryResult(null, diagnostics);
        }

        var product = roots.Count == 1 ? new ProductRef(roots[0].Name, roots[0].Version) : null;
        return new InventoryResult(new Inventory(product, components), diagnostics);
    }

    private static Component? Build(string path, CargoPackage package, TomlTable? legacyChecksums, bool direct, List<Diagnostic> diagnostics)
    {
        var location = package.Location;
        var source = package.Source!;
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (source.StartsWith("git+", StringComparison.Ordinal))
        {
            qualifiers["vcs_url"] = source;
        }
        else if (!CargoGraph.IsCratesIo(source))
        {
            var plus = source.IndexOf('+', StringComparison.Ordinal);
            qualifiers["repository_url"] = plus >= 0 ? source[(plus + 1)..] : source;
        }

        var purl = PackageUrl.Create("cargo", null, package.Name, package.Version, qualifiers, null);
        if (!purl.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{package.Name}' {package.Version}: {purl.Error}; skipped", location));
            return null;
        }

        // Format v1 keeps checksums apart: "checksum name version (source)" = "sha256 hex".
        var checksum = package.Checksum ?? legacyChecksums?.GetString($"checksum {package.Name} {package.Version} ({source})");
        return new Component(package.Name, package.Version, purl.Value, purl.Value.ToString(), new SourceLocation(path, location))
        {
            Relation = direct ? DependencyRelation.Direct : DependencyRelation.Transitive,
            Hashes = checksum is { Length: > 0 } && checksum != "<none>" ? [new ComponentHash("SHA-256", checksum)] : [],
        };
    }
}
