using System.Globalization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads <c>pnpm-lock.yaml</c>, lockfileVersion 5.x, 6.x and 9.x. One component per package name and version:
/// the variants pnpm installs of one package for different peers (<c>(react@18.2.0)</c>, <c>_react@18.2.0</c>) are
/// one package, with the union of their dependencies; BomRef is <c>name@version</c>.
/// </summary>
/// <remarks>
/// Direct: what an importer declares (the root <c>.</c>, the top-level maps of a single-project 5.x/6.x file, and
/// the other importers, which are workspaces of the same project). Scope: from <c>dev</c>/<c>optional</c> where
/// 5.x/6.x write them, else (9.x) from the strongest importer declaration that reaches the package.
/// </remarks>
public sealed class PnpmLockParser : IInventoryParser
{
    private const int NewestKnownMajor = 9;

    private static readonly (string Field, DependencyScope Scope)[] ImporterFields =
    [
        ("dependencies", DependencyScope.Runtime),
        ("optionalDependencies", DependencyScope.Optional),
        ("devDependencies", DependencyScope.Development),
    ];

    public string Name => "npm/pnpm-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        Path.GetFileName(path).Equals("pnpm-lock.yaml", StringComparison.OrdinalIgnoreCase);

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        if (await Utf8Text.ReadStrictAsync(source, cancellationToken) is not { } text)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid pnpm-lock.yaml: the file is not valid UTF-8"));
        }

        var (root, error, location) = Yaml.Load(text);
        if (root is null)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, error!, location));
        }

        var versionText = Yaml.Scalar(root, "lockfileVersion");
        if (versionText is null || !double.TryParse(versionText.TrimStart('v'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lockfileVersion) || lockfileVersion < 5)
        {
            return InventoryResult.Failed(Diagnostic.Error(
                DiagnosticCodes.UnsupportedFormat,
                source.Path,
                versionText is null ? "not a pnpm lockfile: no 'lockfileVersion'" : $"pnpm lockfileVersion '{versionText}' is not supported (5.x, 6.x and 9.x are)",
                "line 1"));
        }

        var diagnostics = new List<Diagnostic>();
        var major = (int)lockfileVersion;
        if (major > NewestKnownMajor)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, $"lockfileVersion {versionText} is newer than this parser knows (5.x to 9.x); read as 9.x"));
            major = NewestKnownMajor;
        }

        var components = Read(source.Path, root, major, diagnostics);
        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, source.Path, "the lockfile lists no packages"));
        }

        var manifest = PackageManifest.Beside(source);
        var product = string.IsNullOrEmpty(manifest?.Name) ? null : new ProductRef(manifest.Name, manifest.Version);
        return new InventoryResult(new Inventory(product, components), diagnostics);
    }

    private static List<Component> Read(string path, YamlMappingNode root, int major, List<Diagnostic> diagnostics)
    {
        var packages = new Dictionary<string, PnpmPackage>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, body) in Yaml.Entries(Yaml.Mapping(root, "packages")))
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            var location = Yaml.LineOf(keyNode);
            var (name, version) = PnpmKey.Parse(key, major) is { } parsed ? parsed : (Yaml.Scalar(body, "name"), Yaml.Scalar(body, "version"));
            if (Yaml.Scalar(body, "name") is { } fieldName && Yaml.Scalar(body, "version") is { } fieldVersion)
            {
                // Git and tarball packages: the key names the source, the fields the package.
                (name, version) = (fieldName, fieldVersion);
            }

            if (PnpmKey.IsLocal(key))
            {
                continue;
            }

            if (string.IsNullOrEmpty(name))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"cannot tell the package name and version from the key '{key}'; skipped", location));
                continue;
            }

            var bomRef = $"{name}@{version}";
            byKey[PnpmKey.StripPeers(key, major)] = bomRef;
            if (!packages.TryGetValue(bomRef, out var package))
            {
                package = new PnpmPackage(name, version, location, NpmIntegrity.Parse(Yaml.Scalar(Yaml.Mapping(body, "resolution"), "integrity")));
                packages[bomRef] = package;
            }

            package.Flag(body);
            package.AddDependencies(body);
        }

        if (major >= 9)
        {
            foreach (var (keyNode, body) in Yaml.Entries(Yaml.Mapping(root, "snapshots")))
            {
                if (keyNode is YamlScalarNode { Value: { } key } && Find(PnpmKey.StripPeers(key, major), null) is { } bomRef)
                {
                    packages[bomRef].AddDependencies(body);
                }
            }
        }

        string? Find(string reference, string? name)
        {
            if (byKey.TryGetValue(reference, out var hit))
            {
                return hit;
            }

            if (name is null)
            {
                return null;
            }

            foreach (var candidate in (string[])[$"{name}@{reference}", $"/{name}@{reference}", $"/{name}/{reference}"])
            {
                if (packages.ContainsKey(candidate))
                {
                    return candidate;
                }

                if (byKey.TryGetValue(candidate, out hit))
                {
                    return hit;
                }
            }

            return null;
        }

        string? Resolve(string name, string reference) =>
            PnpmKey.IsLocal(reference) ? null : Find(PnpmKey.StripPeers(reference, major), name);

        var roots = new List<(string Ref, DependencyScope Scope)>();
        foreach (var importer in Importers(root))
        {
            foreach (var (field, scope) in ImporterFields)
            {
                foreach (var (keyNode, value) in Yaml.Entries(Yaml.Mapping(importer, field)))
                {
                    var reference = value is YamlScalarNode scalar ? scalar.Value : Yaml.Scalar(value, "version");
                    if (keyNode is YamlScalarNode { Value: { } name } && reference is not null && Resolve(name, reference) is { } target)
                    {
                        roots.Add((target, scope));
                    }
                }
            }
        }

        var edges = packages.ToDictionary(
            p => p.Key,
            p => p.Value.Dependencies
                .Select(d => (Ref: Resolve(d.Name, d.Reference), d.Optional))
                .Where(d => d.Ref is not null)
                .Select(d => (d.Ref!, d.Optional))
                .DistinctBy(d => d.Item1)
                .ToList(),
            StringComparer.Ordinal);
        var reached = ScopeReach.Compute(roots, edges);
        var direct = roots.Select(r => r.Ref).ToHashSet(StringComparer.Ordinal);
        return [.. packages.Select(pair => NpmComponents.Create(path, pair.Value.Name, pair.Value.Version, pair.Key, pair.Value.Location, diagnostics) with
        {
            Scope = pair.Value.Scope ?? reached.GetValueOrDefault(pair.Key),
            Relation = direct.Contains(pair.Key) ? DependencyRelation.Direct : DependencyRelation.Transitive,
            DependsOn = [.. edges[pair.Key].Select(e => e.Item1)],
            Hashes = pair.Value.Hashes,
        })];
    }

    /// <summary>The importers: every entry of <c>importers</c>, or the top level of a single-project file.</summary>
    private static IEnumerable<YamlNode> Importers(YamlMappingNode root) =>
        Yaml.Mapping(root, "importers") is { } importers ? importers.Children.Values : [root];
}
