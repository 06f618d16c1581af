using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads npm's <c>package-lock.json</c> and <c>npm-shrinkwrap.json</c>, lockfileVersion 1 (the nested
/// <c>dependencies</c> tree) and 2–3 (the <c>packages</c> map; a v2 file also carries the v1 tree, which is
/// ignored). Each installed folder is one component whose BomRef is its path, so nested duplicates at other
/// versions stay distinct; the root and workspace folders are the project, and workspace links are not packages.
/// </summary>
/// <remarks>
/// Direct: in v2/v3, what the root or a workspace folder declares, resolved as Node resolves it from that folder.
/// A v1 file does not record what the root declares: with the package.json beside it (through
/// <see cref="InputSource.Related"/>) the top-level entries it names are direct; without it, the top-level entries
/// no other package requires.
/// </remarks>
public sealed class NpmPackageLockParser : IInventoryParser
{
    private const int NewestKnownVersion = 3;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 1024,
    };

    public string Name => "npm/package-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        Path.GetFileName(path) is var name
        && (name.Equals("package-lock.json", StringComparison.OrdinalIgnoreCase) || name.Equals("npm-shrinkwrap.json", StringComparison.OrdinalIgnoreCase));

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadAsync(source, DocumentOptions, root => Read(source, root), cancellationToken);

    private static InventoryResult Read(InputSource source, JsonElement root)
    {
        var path = source.Path;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an npm lockfile: the top level is not a JSON object"));
        }

        var diagnostics = new List<Diagnostic>();
        int? lockfileVersion = root.TryGetProperty("lockfileVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var number) ? number : null;
        var hasPackages = root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object;
        var hasTree = root.TryGetProperty("dependencies", out var tree) && tree.ValueKind == JsonValueKind.Object;
        if (lockfileVersion is null && !hasPackages && !hasTree)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an npm lockfile: no 'lockfileVersion', 'packages' or 'dependencies'", "/lockfileVersion"));
        }

        if (lockfileVersion > NewestKnownVersion)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UnsupportedFormat,
                path,
                $"lockfileVersion {lockfileVersion} is newer than the versions this parser knows (1 to {NewestKnownVersion}); read as version {NewestKnownVersion}",
                "/lockfileVersion"));
        }

        ProductRef? product;
        List<PackageLockEntry> entries;
        HashSet<string> direct;
        if (hasPackages)
        {
            (product, entries, direct) = PackageLockPackages.Read(path, root, packages, diagnostics);
        }
        else if (lockfileVersion >= 2)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"lockfileVersion {lockfileVersion} needs a 'packages' object", "/packages"));
        }
        else
        {
            entries = hasTree ? PackageLockTree.Read(path, tree, diagnostics) : [];
            var manifest = PackageManifest.Beside(source);
            direct = DirectInTree(entries, manifest);
            var name = Json.String(root, "name") ?? manifest?.Name;
            product = string.IsNullOrEmpty(name) ? null : new ProductRef(name, Json.String(root, "version") ?? manifest?.Version);
        }

        var components = Build(path, entries, direct, diagnostics);
        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, "the lockfile lists no installed packages", hasPackages ? "/packages" : "/dependencies"));
        }

        return new InventoryResult(new Inventory(product, components), diagnostics);
    }

    private static List<Component> Build(string path, List<PackageLockEntry> entries, HashSet<string> direct, List<Diagnostic> diagnostics)
    {
        var byKey = new Dictionary<string, PackageLockEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byKey.TryAdd(entry.Key, entry);
        }

        var components = new List<Component>();
        foreach (var entry in entries.Where(e => e.IsComponent))
        {
            var dependsOn = entry.Requires
                .Select(name => NodeModulesPath.Resolve(entry.Key, name, byKey.ContainsKey))
                .Where(target => target is not null && byKey[target].IsComponent)
                .Select(target => target!)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            components.Add(NpmComponents.Create(path, entry.Name, entry.Version, entry.Key, entry.Pointer, diagnostics, entry.Source) with
            {
                Scope = entry.Scope,
                Relation = direct.Contains(entry.Key) ? DependencyRelation.Direct : DependencyRelation.Transitive,
                DependsOn = dependsOn,
                Hashes = entry.Hashes,
            });
        }

        return components;
    }

    /// <summary>Which top-level v1 entries are direct (see the class remarks); nested entries never are.</summary>
    private static HashSet<string> DirectInTree(List<PackageLockEntry> entries, PackageManifest? manifest)
    {
        var keys = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        if (manifest is not null)
        {
            return manifest.Declared()
                .Select(declared => NodeModulesPath.Child(string.Empty, declared.Name))
                .Where(keys.Contains)
                .ToHashSet(StringComparer.Ordinal);
        }

        var required = entries
            .Where(e => e.IsComponent)
            .SelectMany(e => e.Requires.Select(name => NodeModulesPath.Resolve(e.Key, name, keys.Contains)))
            .Where(target => target is not null)
            .ToHashSet(StringComparer.Ordinal);
        return entries
            .Where(e => e.Key == NodeModulesPath.Child(string.Empty, NodeModulesPath.NameOf(e.Key)) && !required.Contains(e.Key))
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
