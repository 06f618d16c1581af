using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads <c>yarn.lock</c>: classic (lockfile v1, yarn's own syntax) and berry (yarn 2+, YAML with
/// <c>__metadata</c>). One entry, however many ranges its header lists, is one component. Workspaces and local
/// folders are the project, not components; a patched package is the package it patches.
/// </summary>
/// <remarks>
/// yarn.lock does not say what the project declares, nor dev or optional. Berry lists the workspaces with their
/// dependencies, which makes those direct and the rest transitive; classic says neither. With the package.json beside
/// the lockfile (through <see cref="InputSource.Related"/>) the packages it declares are direct and every package
/// takes the scope of the strongest declaration that reaches it; without it, scope (and in classic, relation) stays
/// unspecified.
/// </remarks>
public sealed class YarnLockParser : IInventoryParser
{
    public string Name => "npm/yarn-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        Path.GetFileName(path).Equals("yarn.lock", StringComparison.OrdinalIgnoreCase);

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        if (await Utf8Text.ReadStrictAsync(source, cancellationToken) is not { } text)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid yarn.lock: the file is not valid UTF-8"));
        }

        var diagnostics = new List<Diagnostic>();
        var berry = IsBerry(text);
        List<YarnEntry>? entries;
        if (berry)
        {
            var (root, error, location) = Yaml.Load(text);
            if (root is null)
            {
                return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, error!, location));
            }

            entries = YarnBerry.Read(source.Path, root, diagnostics);
        }
        else
        {
            entries = YarnClassic.Read(source.Path, text, diagnostics);
            if (entries is null)
            {
                return new InventoryResult(null, diagnostics);
            }
        }

        var manifest = PackageManifest.Beside(source);
        var components = Build(source.Path, entries, manifest, berry, diagnostics);
        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, source.Path, "the lockfile lists no packages"));
        }

        var rootWorkspace = entries.FirstOrDefault(e => e.Kind == YarnEntryKind.RootWorkspace);
        var productName = manifest?.Name ?? rootWorkspace?.Name;
        var product = string.IsNullOrEmpty(productName) ? null : new ProductRef(productName, manifest?.Version);
        return new InventoryResult(new Inventory(product, components), diagnostics);
    }

    /// <summary>Berry files start (after comments) with the <c>__metadata</c> mapping; classic files never have it.</summary>
    private static bool IsBerry(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("__metadata:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Component> Build(string path, List<YarnEntry> entries, PackageManifest? manifest, bool berry, List<Diagnostic> diagnostics)
    {
        // A patch entry stands for its package when that is listed too: it is the same name and version.
        var unpatched = entries
            .Where(e => e.Kind == YarnEntryKind.Package)
            .GroupBy(e => (e.Name, e.Version))
            .ToDictionary(g => g.Key, g => g.First());
        var canonical = new Dictionary<YarnEntry, YarnEntry>();
        foreach (var entry in entries)
        {
            canonical[entry] = entry.Kind == YarnEntryKind.Patch && unpatched.TryGetValue((entry.Name, entry.Version), out var original) ? original : entry;
        }

        var byPattern = new Dictionary<string, YarnEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var pattern in entry.Patterns)
            {
                byPattern.TryAdd(pattern, canonical[entry]);
            }
        }

        YarnEntry? Resolve(string name, string range) =>
            byPattern.GetValueOrDefault($"{name}@{range}") ?? byPattern.GetValueOrDefault($"{name}@npm:{range}");

        static bool IsComponent(YarnEntry entry) => entry.Kind is YarnEntryKind.Package or YarnEntryKind.Patch;

        var emitted = entries.Where(e => IsComponent(e) && ReferenceEquals(canonical[e], e)).ToList();
        var edges = new Dictionary<string, List<(string Ref, bool Optional)>>(StringComparer.Ordinal);
        foreach (var entry in emitted)
        {
            edges[entry.BomRef] = [.. entry.Dependencies
                .Select(d => (Target: Resolve(d.Name, d.Range), d.Optional))
                .Where(d => d.Target is not null && IsComponent(d.Target))
                .Select(d => (d.Target!.BomRef, d.Optional))
                .DistinctBy(d => d.BomRef)];
        }

        HashSet<string>? direct = null;
        if (berry)
        {
            direct = entries
                .Where(e => e.Kind is YarnEntryKind.RootWorkspace or YarnEntryKind.Workspace)
                .SelectMany(e => e.Dependencies)
                .Select(d => Resolve(d.Name, d.Range))
                .Where(t => t is not null && IsComponent(t))
                .Select(t => t!.BomRef)
                .ToHashSet(StringComparer.Ordinal);
        }

        Dictionary<string, DependencyScope>? scopes = null;
        if (manifest is not null)
        {
            var roots = manifest.Declared()
                .Select(d => (Target: Resolve(d.Name, d.Range), d.Scope))
                .Where(r => r.Target is not null && IsComponent(r.Target))
                .Select(r => (r.Target!.BomRef, r.Scope))
                .ToList();
            direct ??= roots.Select(r => r.BomRef).ToHashSet(StringComparer.Ordinal);
            scopes = ScopeReach.Compute(roots, edges);
        }

        return [.. emitted.Select(entry => NpmComponents.Create(path, entry.Name, entry.Version, entry.BomRef, $"line {entry.Line}", diagnostics) with
        {
            Scope = scopes?.GetValueOrDefault(entry.BomRef) ?? DependencyScope.Unspecified,
            Relation = direct is null ? DependencyRelation.Unspecified
                : direct.Contains(entry.BomRef) ? DependencyRelation.Direct
                : DependencyRelation.Transitive,
            DependsOn = [.. edges[entry.BomRef].Select(e => e.Ref)],
            Hashes = entry.Hashes,
        })];
    }
}
