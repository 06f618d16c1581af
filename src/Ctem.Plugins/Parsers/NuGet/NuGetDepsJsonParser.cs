using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Reads a .NET dependency manifest (<c>&lt;assembly&gt;.deps.json</c>), which lists what an application loads at run
/// time. The <c>project</c> library named like the assembly is the product; <c>package</c> libraries are components,
/// and so are <c>runtimepack</c> libraries (a self-contained app's bundled runtime, which advisories name as NuGet
/// packages). Project and reference-assembly libraries are not. Direct means a dependency of the product entry itself;
/// packages reached only through project references or other packages are Transitive. All components are Runtime,
/// except <c>compileOnly</c> entries (reference assemblies kept for run-time compilation), which are Development.
/// </summary>
public sealed class NuGetDepsJsonParser : IInventoryParser
{
    private const string RuntimePackPrefix = "runtimepack.";

    public string Name => "nuget/deps-json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        Path.GetFileName(path).EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        NuGetJson.ReadAsync(source, Read, cancellationToken);

    private static InventoryResult Read(string path, JsonElement root)
    {
        if (!NuGetJson.TryObject(root, "libraries", out var libraries) || !NuGetJson.TryObject(root, "targets", out var targets))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a .NET deps.json: 'targets' and 'libraries' objects are required", "/libraries"));
        }

        var diagnostics = new List<Diagnostic>();
        var (targetName, target) = SelectTarget(path, root, targets, diagnostics);

        var kinds = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in libraries.EnumerateObject())
        {
            kinds[library.Name] = NuGetJson.String(library.Value, "type");
        }

        var product = FindProduct(path, target, kinds);
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (product is not null && target.TryGetProperty(product.Value.Key, out var productEntry))
        {
            direct.UnionWith(Dependencies(productEntry));
        }

        var components = new List<Component>();
        foreach (var library in libraries.EnumerateObject())
        {
            var pointer = $"/libraries/{NuGetJson.Token(library.Name)}";
            if (!IsPackage(kinds[library.Name]))
            {
                continue;
            }

            if (!TrySplit(library.Name, out var id, out var version))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"library '{library.Name}' is not 'Name/Version'; skipped", pointer));
                continue;
            }

            var entry = target.ValueKind == JsonValueKind.Object && target.TryGetProperty(library.Name, out var found) ? found : default;
            var dependsOn = entry.ValueKind == JsonValueKind.Object
                ? Dependencies(entry).Where(key => IsPackage(kinds.GetValueOrDefault(key)) && TrySplit(key, out _, out _)).Select(BomRefOf).Distinct(StringComparer.Ordinal).ToList()
                : [];
            var compileOnly = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("compileOnly", out var flag) && flag.ValueKind == JsonValueKind.True;
            var hash = NuGetPurl.Sha512(NuGetJson.String(library.Value, "sha512"));
            var purl = NuGetPurl.Create(id, version);
            components.Add(new Component(id, version, purl, NuGetPurl.BomRef(purl, id, version), new SourceLocation(path, pointer))
            {
                Scope = compileOnly ? DependencyScope.Development : DependencyScope.Runtime,
                Relation = product is null ? DependencyRelation.Unspecified : direct.Contains(library.Name) ? DependencyRelation.Direct : DependencyRelation.Transitive,
                DependsOn = dependsOn,
                Hashes = hash is null ? [] : [hash],
                Type = "library",
            });
        }

        if (product is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"no project library in target '{targetName}' names the application; direct and transitive packages cannot be told apart", "/targets"));
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, "the deps.json lists no packages", "/libraries"));
        }

        var productRef = product is { } p && TrySplit(p.Key, out var productName, out var productVersion) ? new ProductRef(productName, productVersion) : null;
        return new InventoryResult(new Inventory(productRef, components), diagnostics);
    }

    /// <summary><c>runtimeTarget.name</c> names the graph the host loads; without it, the first target is the one.</summary>
    private static (string Name, JsonElement Target) SelectTarget(string path, JsonElement root, JsonElement targets, List<Diagnostic> diagnostics)
    {
        var wanted = NuGetJson.TryObject(root, "runtimeTarget", out var runtimeTarget) ? NuGetJson.String(runtimeTarget, "name") : null;
        if (wanted is not null && NuGetJson.TryObject(targets, wanted, out var target))
        {
            return (wanted, target);
        }

        foreach (var candidate in targets.EnumerateObject())
        {
            if (candidate.Value.ValueKind == JsonValueKind.Object)
            {
                if (wanted is not null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"runtime target '{wanted}' is not among the targets; using '{candidate.Name}'", "/runtimeTarget/name"));
                }

                return (candidate.Name, candidate.Value);
            }
        }

        return (wanted ?? string.Empty, default);
    }

    /// <summary>
    /// The project library named like the file (<c>MyApp.deps.json</c> → <c>MyApp/1.0.0</c>); failing that, the first
    /// project entry of the target, which is where the SDK writes the application.
    /// </summary>
    private static KeyValuePair<string, JsonElement>? FindProduct(string path, JsonElement target, Dictionary<string, string?> kinds)
    {
        if (target.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fileName = Path.GetFileName(path);
        var assembly = fileName[..^".deps.json".Length];
        KeyValuePair<string, JsonElement>? first = null;
        foreach (var entry in target.EnumerateObject())
        {
            if (!string.Equals(kinds.GetValueOrDefault(entry.Name), "project", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (TrySplit(entry.Name, out var id, out _) && id.Equals(assembly, StringComparison.OrdinalIgnoreCase))
            {
                return new(entry.Name, entry.Value);
            }

            first ??= new(entry.Name, entry.Value);
        }

        return first;
    }

    private static IEnumerable<string> Dependencies(JsonElement entry)
    {
        if (!NuGetJson.TryObject(entry, "dependencies", out var dependencies))
        {
            yield break;
        }

        foreach (var dependency in dependencies.EnumerateObject())
        {
            if (dependency.Value.ValueKind == JsonValueKind.String)
            {
                yield return $"{dependency.Name}/{dependency.Value.GetString()}";
            }
        }
    }

    private static bool IsPackage(string? kind) =>
        string.Equals(kind, "package", StringComparison.OrdinalIgnoreCase) || string.Equals(kind, "runtimepack", StringComparison.OrdinalIgnoreCase);

    private static string BomRefOf(string key)
    {
        TrySplit(key, out var id, out var version);
        return NuGetPurl.BomRef(NuGetPurl.Create(id, version), id, version);
    }

    private static bool TrySplit(string key, out string id, out string version)
    {
        var slash = key.LastIndexOf('/');
        id = slash > 0 ? key[..slash] : key;

        // The SDK writes a self-contained app's runtime as "runtimepack.<package id>/<version>".
        if (id.StartsWith(RuntimePackPrefix, StringComparison.OrdinalIgnoreCase) && id.Length > RuntimePackPrefix.Length)
        {
            id = id[RuntimePackPrefix.Length..];
        }

        version = slash > 0 ? key[(slash + 1)..] : string.Empty;
        return slash > 0 && version.Length > 0;
    }
}
