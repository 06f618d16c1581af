using Ctem.Core.Model;
using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// The dependency graph of a uv.lock. A dependency names a package, and adds <c>version</c> and <c>source</c> only when
/// the lock holds the name more than once; its <c>extra</c> list pulls in that package's optional dependencies.
/// </summary>
internal sealed class UvGraph(IReadOnlyList<TomlTable> packages)
{
    private readonly ILookup<string, TomlTable> _byName = packages.ToLookup(p => PypiPackages.Normalize(p.GetString("name")!), StringComparer.Ordinal);

    /// <summary>The packages a package's own <c>dependencies</c> name.</summary>
    public IEnumerable<TomlTable> Dependencies(TomlTable package) =>
        (package.GetTables("dependencies") ?? []).SelectMany(Resolve);

    /// <summary>What workspace members ask for themselves, in any of their dependency lists.</summary>
    public HashSet<TomlTable> DirectOf(IEnumerable<TomlTable> members) =>
        members.SelectMany(m => RootEdges(m, "dependencies").Concat(RootEdges(m, "optional-dependencies")).Concat(RootEdges(m, "dev-dependencies")))
            .SelectMany(Resolve)
            .ToHashSet();

    /// <summary>Runtime reach first, then optional, then development: a package keeps the first scope that reaches it.</summary>
    public Dictionary<TomlTable, DependencyScope> Scopes(IReadOnlyList<TomlTable> members)
    {
        var scopes = new Dictionary<TomlTable, DependencyScope>();
        foreach (var member in members)
        {
            scopes[member] = DependencyScope.Runtime;
        }

        Mark(members.SelectMany(m => RootEdges(m, "dependencies")), DependencyScope.Runtime, scopes);
        Mark(members.SelectMany(m => RootEdges(m, "optional-dependencies")), DependencyScope.Optional, scopes);
        Mark(members.SelectMany(m => RootEdges(m, "dev-dependencies")), DependencyScope.Development, scopes);
        return scopes;
    }

    /// <summary><c>dependencies</c> is a list; <c>optional-dependencies</c> and <c>dev-dependencies</c> are tables of lists.</summary>
    private static IEnumerable<TomlTable> RootEdges(TomlTable member, string key) => key == "dependencies"
        ? member.GetTables(key) ?? []
        : (member.GetTable(key)?.Keys ?? Enumerable.Empty<string>()).SelectMany(group => member.GetTable(key)!.GetTables(group) ?? []);

    private void Mark(IEnumerable<TomlTable> edges, DependencyScope scope, Dictionary<TomlTable, DependencyScope> scopes)
    {
        var queue = new Queue<TomlTable>(edges);
        var followed = new HashSet<TomlTable>();
        while (queue.TryDequeue(out var edge))
        {
            // Extras can point back at each other (a[x] needs b[y], b[y] needs a[x]): each edge is followed once.
            if (!followed.Add(edge))
            {
                continue;
            }

            foreach (var target in Resolve(edge))
            {
                var extras = (edge.GetArray("extra") ?? []).OfType<string>().ToList();
                var optional = target.GetTable("optional-dependencies");
                foreach (var extra in extras)
                {
                    foreach (var extraEdge in optional?.GetTables(extra) ?? [])
                    {
                        queue.Enqueue(extraEdge);
                    }
                }

                if (!scopes.TryAdd(target, scope))
                {
                    continue;
                }

                foreach (var next in target.GetTables("dependencies") ?? [])
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    private IEnumerable<TomlTable> Resolve(TomlTable edge)
    {
        if (edge.GetString("name") is not { } name)
        {
            return [];
        }

        var candidates = _byName[PypiPackages.Normalize(name)].ToList();
        if (candidates.Count > 1 && edge.GetString("version") is { } version)
        {
            candidates = candidates.Where(c => c.GetString("version") == version).ToList();
        }

        if (candidates.Count > 1 && UvLockParser.SourceOf(edge) is { } source)
        {
            var wanted = string.Join(',', source.Select(v => $"{v.Key}={v.Value}"));
            candidates = candidates.Where(c => UvLockParser.SourceOf(c) is { } s && string.Join(',', s.Select(v => $"{v.Key}={v.Value}")) == wanted).ToList();
        }

        return candidates;
    }
}
