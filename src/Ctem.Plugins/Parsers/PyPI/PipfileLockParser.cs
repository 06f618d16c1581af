using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// Reads Pipenv's <c>Pipfile.lock</c>: <c>default</c> packages are Runtime, <c>develop</c> ones Development (a package
/// in both is one Runtime component). The lock flattens the graph, so the relation is Unspecified unless the
/// <c>Pipfile</c> beside it (read through <see cref="InputSource.Related"/>) names the direct ones.
/// </summary>
public sealed class PipfileLockParser : IInventoryParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    public string Name => "pypi/pipfile-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("Pipfile.lock", StringComparison.OrdinalIgnoreCase);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        JsonInventory.ReadAsync(source, DocumentOptions, root => Read(source, root), cancellationToken);

    private static InventoryResult Read(InputSource source, JsonElement root)
    {
        var path = source.Path;
        if (root.ValueKind != JsonValueKind.Object
            || !(root.TryGetProperty("default", out _) || root.TryGetProperty("develop", out _) || root.TryGetProperty("_meta", out _)))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Pipfile.lock: no '_meta', 'default' or 'develop' object"));
        }

        var diagnostics = new List<Diagnostic>();
        var pipfile = PythonManifest.ReadBeside(source, "Pipfile", diagnostics);
        var manifest = pipfile is null ? null : PythonManifest.FromPipfile(pipfile);
        var components = new List<Component>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, scope) in new[] { ("default", DependencyScope.Runtime), ("develop", DependencyScope.Development) })
        {
            if (!root.TryGetProperty(section, out var packages) || packages.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var package in packages.EnumerateObject())
            {
                var pointer = $"/{section}/{package.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                if (ReadPackage(path, package, pointer, scope, manifest, diagnostics) is { } component && seen.Add(component.BomRef!))
                {
                    components.Add(component);
                }
            }
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, path, "the Pipfile.lock locks no registry packages ('default' and 'develop' are empty)"));
            return new InventoryResult(null, diagnostics);
        }

        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    private static Component? ReadPackage(string path, JsonProperty package, string pointer, DependencyScope scope, PythonManifest? manifest, List<Diagnostic> diagnostics)
    {
        var name = package.Name;
        var entry = package.Value;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry for '{name}' is not an object; skipped", pointer));
            return null;
        }

        var pin = String(entry, "version");
        if (pin is null && (entry.TryGetProperty("git", out _) || entry.TryGetProperty("path", out _) || entry.TryGetProperty("file", out _)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.UnsupportedFormat, $"'{name}' comes from a VCS checkout, a path or a URL, not a registry; skipped", path, pointer));
            return null;
        }

        string? version = null;
        if (pin is not null && (pin.StartsWith("===", StringComparison.Ordinal) || pin.StartsWith("==", StringComparison.Ordinal)))
        {
            version = pin.TrimStart('=').Trim();
        }

        if (string.IsNullOrEmpty(version))
        {
            version = null;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"'{name}' is unpinned ('version' is '{pin ?? "missing"}', not '==x.y'): advisories cannot be matched to a version", pointer));
        }

        var (purl, error) = PypiPackages.Purl(name, version);
        if (purl is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{name}': {error}; skipped", pointer));
            return null;
        }

        var hashes = entry.TryGetProperty("hashes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(h => h.ValueKind == JsonValueKind.String).Select(h => PypiPackages.Hash(h.GetString())).OfType<ComponentHash>().ToList()
            : [];
        return new Component(name, version, purl, purl.ToString(), new SourceLocation(path, pointer))
        {
            Scope = scope,
            Relation = manifest?.RelationOf(name) ?? DependencyRelation.Unspecified,
            Hashes = hashes,
        };
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
