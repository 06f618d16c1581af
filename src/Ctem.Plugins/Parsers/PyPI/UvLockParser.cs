using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// Reads uv's <c>uv.lock</c>. Workspace members (<c>source = { editable = … }</c> or <c>{ virtual = … }</c>) are the
/// project, not components; the one at "." is the product. What members depend on is Direct; the scope follows the
/// graph: reachable from their <c>dependencies</c> is Runtime, else from <c>optional-dependencies</c> Optional, else
/// from <c>dev-dependencies</c> Development.
/// </summary>
public sealed class UvLockParser : IInventoryParser
{
    private const string PypiIndex = "https://pypi.org/simple";

    public string Name => "pypi/uv-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        System.IO.Path.GetFileName(path).Equals("uv.lock", StringComparison.OrdinalIgnoreCase);

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        TomlInventory.ReadAsync(source, document => Read(source, document), cancellationToken);

    private static InventoryResult Read(InputSource source, TomlInventory document)
    {
        var root = document.Root;

        if (root.GetTables("package") is not { } tables)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "not a uv.lock: it has no [[package]] tables"));
        }

        var diagnostics = new List<Diagnostic>();
        var packages = tables.Where(t => !string.IsNullOrEmpty(t.GetString("name"))).ToList();
        foreach (var nameless in tables.Except(packages))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "a [[package]] has no name; skipped", document.LocationOf(nameless)));
        }

        var graph = new UvGraph(packages);
        var members = packages.Where(IsWorkspaceMember).ToList();
        var product = members.FirstOrDefault(m => SourceOf(m) is { } s && (s.GetString("editable") ?? s.GetString("virtual")) == ".") ?? members.FirstOrDefault();
        var scopes = graph.Scopes(members);
        var direct = graph.DirectOf(members);

        var built = new Dictionary<TomlTable, Component>();
        foreach (var package in packages.Except(members))
        {
            if (Read(source.Path, package, document.LocationOf(package), scopes, direct, diagnostics) is { } component)
            {
                built[package] = component;
            }
        }

        var components = built.Select(pair => pair.Value with
        {
            DependsOn = graph.Dependencies(pair.Key)
                .Select(target => built.GetValueOrDefault(target)?.BomRef)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList(),
        }).ToList();

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, source.Path, "the uv.lock locks no registry packages"));
            return new InventoryResult(null, diagnostics);
        }

        var productRef = product is null ? null : new ProductRef(product.GetString("name")!, product.GetString("version"));
        return new InventoryResult(new Inventory(productRef, components), diagnostics);
    }

    private static Component? Read(
        string path,
        TomlTable package,
        string? location,
        IReadOnlyDictionary<TomlTable, DependencyScope> scopes,
        IReadOnlySet<TomlTable> direct,
        List<Diagnostic> diagnostics)
    {
        var name = package.GetString("name")!;
        var version = package.GetString("version");
        var source = SourceOf(package);
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((source?.GetString("path") ?? source?.GetString("directory")) is { } local)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.UnsupportedFormat, $"'{name}' comes from the local path '{local}', not a registry; skipped", path, location));
            return null;
        }

        if (source?.GetString("git") is { } git)
        {
            qualifiers["vcs_url"] = $"git+{git}";
        }
        else if (source?.GetString("url") is { } url)
        {
            qualifiers["download_url"] = url;
        }
        else if (source?.GetString("registry") is { } registry && registry.TrimEnd('/') != PypiIndex)
        {
            qualifiers["repository_url"] = registry;
        }

        if (string.IsNullOrEmpty(version))
        {
            version = null;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"'{name}' has no version: advisories cannot be matched to it", location));
        }

        var (purl, error) = PypiPackages.Purl(name, version, qualifiers);
        if (purl is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{name}' {version}: {error}; skipped", location));
            return null;
        }

        var files = (package.GetTable("sdist") is { } sdist ? [sdist] : Enumerable.Empty<TomlTable>()).Concat(package.GetTables("wheels") ?? []);
        return new Component(name, version, purl, purl.ToString(), new SourceLocation(path, location))
        {
            Scope = scopes.GetValueOrDefault(package),
            Relation = direct.Contains(package) ? DependencyRelation.Direct : DependencyRelation.Transitive,
            Hashes = files.Select(f => PypiPackages.Hash(f.GetString("hash"))).OfType<ComponentHash>().Distinct().ToList(),
        };
    }

    internal static TomlTable? SourceOf(TomlTable package) => package.GetTable("source");

    private static bool IsWorkspaceMember(TomlTable package) =>
        SourceOf(package) is { } source && (source.GetString("editable") is not null || source.GetString("virtual") is not null);
}
