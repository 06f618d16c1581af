using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.Composer;

/// <summary>
/// Reads <c>composer.lock</c>: <c>packages</c> are Runtime, <c>packages-dev</c> Development; versions are kept as
/// written (a leading "v" included), edges come from each package's <c>require</c>, hashes from <c>dist.shasum</c>
/// (SHA-1). The lock does not say what the project requires itself: a <c>composer.json</c> beside it, read through
/// <see cref="InputSource.Related"/>, does (and names the product); without one the relation is Unspecified.
/// </summary>
public sealed class ComposerLockParser : IInventoryParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    public string Name => "composer/composer-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("composer.lock", StringComparison.OrdinalIgnoreCase);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadAsync(source, DocumentOptions, root => Read(source, root), cancellationToken);

    private static InventoryResult Read(InputSource source, JsonElement root)
    {
        var path = source.Path;
        if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("packages", out _) || root.TryGetProperty("packages-dev", out _)))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a composer.lock: no 'packages' or 'packages-dev' array"));
        }

        var diagnostics = new List<Diagnostic>();
        var manifest = ReadManifest(source, diagnostics);
        var read = new List<(Component Component, List<string> Requires)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, scope) in new[] { ("packages", DependencyScope.Runtime), ("packages-dev", DependencyScope.Development) })
        {
            if (!root.TryGetProperty(section, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var package in list.EnumerateArray())
            {
                var pointer = $"/{section}/{index++}";
                if (ReadPackage(path, package, pointer, scope, manifest, diagnostics) is { } entry && seen.Add(entry.Component.BomRef!))
                {
                    read.Add(entry);
                }
            }
        }

        var byName = read.GroupBy(r => r.Component.Name.ToLowerInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Component.BomRef!, StringComparer.Ordinal);
        var components = read.Select(r => r.Component with
        {
            DependsOn = r.Requires.Select(name => byName.GetValueOrDefault(name.ToLowerInvariant())).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        }).ToList();

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the composer.lock locks no packages"));
            return new InventoryResult(null, diagnostics);
        }

        return new InventoryResult(new Inventory(manifest?.Product, components), diagnostics);
    }

    private static (Component Component, List<string> Requires)? ReadPackage(
        string path,
        JsonElement package,
        string pointer,
        DependencyScope scope,
        ComposerManifest? manifest,
        List<Diagnostic> diagnostics)
    {
        var name = String(package, "name");
        var version = String(package, "version");
        var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (name is null || slash <= 0 || slash == name.Length - 1 || string.IsNullOrEmpty(version))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a package has no 'vendor/name' name or no version; skipped", pointer));
            return null;
        }

        var purl = PackageUrl.Create("composer", name[..slash], name[(slash + 1)..], version, null, null);
        if (!purl.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{name}' {version}: {purl.Error}; skipped", pointer));
            return null;
        }

        // Platform requirements ("php", "ext-json", "lib-icu") are not packages.
        var requires = package.TryGetProperty("require", out var require) && require.ValueKind == JsonValueKind.Object
            ? require.EnumerateObject().Select(p => p.Name).Where(n => n.Contains('/', StringComparison.Ordinal)).ToList()
            : [];
        var shasum = package.TryGetProperty("dist", out var dist) && dist.ValueKind == JsonValueKind.Object ? String(dist, "shasum") : null;
        var component = new Component(name, version, purl.Value, purl.Value.ToString(), new SourceLocation(path, pointer))
        {
            Scope = scope,
            Relation = manifest is null ? DependencyRelation.Unspecified
                : manifest.Requires.Contains(name.ToLowerInvariant()) ? DependencyRelation.Direct : DependencyRelation.Transitive,
            Hashes = string.IsNullOrEmpty(shasum) ? [] : [new ComponentHash("SHA-1", shasum)],
            Licenses = package.TryGetProperty("license", out var licenses) && licenses.ValueKind == JsonValueKind.Array
                ? licenses.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!).ToList()
                : [],
        };
        return (component, requires);
    }

    private static ComposerManifest? ReadManifest(InputSource source, List<Diagnostic> diagnostics)
    {
        var manifestPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(source.Path)) ?? string.Empty, "composer.json");
        if (source.Related?.Invoke(manifestPath) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var requires = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in new[] { "require", "require-dev" })
            {
                if (root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Object)
                {
                    requires.UnionWith(list.EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
                }
            }

            var product = String(root, "name") is { Length: > 0 } name ? new ProductRef(name, String(root, "version")) : null;
            return new ComposerManifest(product, requires);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidJson, manifestPath, $"invalid JSON: {(ex is JsonException json ? JsonLocation.MessageOf(json) : ex.Message)}; direct and transitive dependencies are not told apart", ex is JsonException located ? JsonLocation.Of(located) : null));
            return null;
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
