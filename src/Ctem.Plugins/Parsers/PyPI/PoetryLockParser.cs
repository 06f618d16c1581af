using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// Reads <c>poetry.lock</c> (lock-version 1.x and 2.x): each <c>[[package]]</c> is a component, its scope from
/// <c>category</c> (Poetry 1.0–1.4) or <c>groups</c> (1.5+) and <c>optional</c>, its edges from
/// <c>[package.dependencies]</c>, its hashes from <c>files</c> (or the old <c>[metadata.files]</c>). The lock does not
/// say which packages the project asks for: a <c>pyproject.toml</c> beside it, read through
/// <see cref="InputSource.Related"/>, does; without one the relation stays Unspecified.
/// </summary>
public sealed class PoetryLockParser : IInventoryParser
{
    public string Name => "pypi/poetry-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("poetry.lock", StringComparison.OrdinalIgnoreCase);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        TomlInventory.ReadAsync(source, document => Read(source, document), cancellationToken);

    private static InventoryResult Read(InputSource source, TomlInventory document)
    {
        var root = document.Root;

        var packages = root.GetTables("package");
        if (packages is null)
        {
            return InventoryResult.Failed(Diagnostic.Error(
                DiagnosticCodes.UnsupportedFormat,
                source.Path,
                root.GetTable("metadata") is null ? "not a poetry.lock: it has no [[package]] tables" : "the poetry.lock locks no packages ([[package]] is missing)"));
        }

        var diagnostics = new List<Diagnostic>();
        var pyproject = PythonManifest.ReadBeside(source, "pyproject.toml", diagnostics);
        var manifest = pyproject is null ? null : PythonManifest.FromPyproject(pyproject);
        var legacyFiles = root.GetTable("metadata")?.GetTable("files");

        var read = new List<(TomlTable Table, Component Component)>();
        foreach (var package in packages)
        {
            if (Read(source.Path, package, document.LocationOf(package), legacyFiles, manifest, diagnostics) is { } component)
            {
                read.Add((package, component));
            }
        }

        var byName = read.ToLookup(r => PypiPackages.Normalize(r.Component.Name), r => r.Component.BomRef!, StringComparer.Ordinal);
        var components = read.Select(r => r.Component with
        {
            DependsOn = (r.Table.GetTable("dependencies")?.Keys ?? Enumerable.Empty<string>())
                .SelectMany(name => byName[PypiPackages.Normalize(name)])
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        }).ToList();

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, source.Path, "the poetry.lock locks no registry packages"));
            return new InventoryResult(null, diagnostics);
        }

        return new InventoryResult(new Inventory(manifest?.Product, components), diagnostics);
    }

    private static Component? Read(string path, TomlTable package, string? location, TomlTable? legacyFiles, PythonManifest? manifest, List<Diagnostic> diagnostics)
    {
        var name = package.GetString("name");
        var version = package.GetString("version");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a [[package]] has no name or no version; skipped", location));
            return null;
        }

        var source = package.GetTable("source");
        var sourceType = source?.GetString("type");
        var url = source?.GetString("url");
        if (sourceType is "directory" or "file")
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.UnsupportedFormat, $"'{name}' comes from the local {sourceType} '{url}', not a registry; skipped", path, location));
            return null;
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (sourceType)
        {
            case "git" when url is not null:
                var reference = source?.GetString("resolved_reference") ?? source?.GetString("reference");
                qualifiers["vcs_url"] = reference is null ? $"git+{url}" : $"git+{url}@{reference}";
                break;
            case "url" when url is not null:
                qualifiers["download_url"] = url;
                break;
            case "legacy" when url is not null:
                qualifiers["repository_url"] = url;
                break;
            default:
                break;
        }

        var (purl, error) = PypiPackages.Purl(name, version, qualifiers);
        if (purl is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{name}' {version}: {error}; skipped", location));
            return null;
        }

        return new Component(name, version, purl, purl.ToString(), new SourceLocation(path, location))
        {
            Scope = ScopeOf(package),
            Relation = manifest?.RelationOf(name) ?? DependencyRelation.Unspecified,
            Hashes = HashesOf(package.GetTables("files") ?? LegacyFilesOf(legacyFiles, name)),
        };
    }

    /// <summary>Poetry 1.x keyed <c>[metadata.files]</c> by the name as written or normalised, depending on the release.</summary>
    private static IReadOnlyList<TomlTable> LegacyFilesOf(TomlTable? legacyFiles, string name)
    {
        var normalized = PypiPackages.Normalize(name);
        var key = legacyFiles?.Keys.FirstOrDefault(k => PypiPackages.Normalize(k) == normalized);
        return key is null ? [] : legacyFiles!.GetTables(key) ?? [];
    }

    private static DependencyScope ScopeOf(TomlTable package)
    {
        var optional = package.GetBool("optional") == true;
        var groups = package.GetArray("groups")?.OfType<string>().ToList();
        if (groups is { Count: > 0 })
        {
            if (groups.Contains("main"))
            {
                return optional ? DependencyScope.Optional : DependencyScope.Runtime;
            }

            return groups.All(g => g is "test" or "tests") ? DependencyScope.Test : DependencyScope.Development;
        }

        return package.GetString("category") switch
        {
            "dev" => DependencyScope.Development,
            "main" => optional ? DependencyScope.Optional : DependencyScope.Runtime,
            _ => optional ? DependencyScope.Optional : DependencyScope.Unspecified,
        };
    }

    private static List<ComponentHash> HashesOf(IReadOnlyList<TomlTable> files) =>
        files.Select(f => PypiPackages.Hash(f.GetString("hash"))).OfType<ComponentHash>().Distinct().ToList();
}
