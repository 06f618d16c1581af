using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Derives each package's scope from how the project reaches it, for lockfiles that record the graph but not the
/// scope (pnpm 9, yarn with its package.json): reachable from a runtime declaration through required edges is
/// Runtime; else through an optional declaration or edge, Optional; else from a dev declaration, Development.
/// </summary>
internal static class ScopeReach
{
    public static Dictionary<string, DependencyScope> Compute(
        IEnumerable<(string Ref, DependencyScope Scope)> roots,
        IReadOnlyDictionary<string, List<(string Ref, bool Optional)>> edges)
    {
        // Ranks: a path is as weak as its weakest step, a package as strong as its strongest path.
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var buckets = new[] { new Queue<string>(), new Queue<string>(), new Queue<string>() };
        foreach (var (reference, scope) in roots)
        {
            var rank = RankOf(scope);
            if (rank < 0 || (best.TryGetValue(reference, out var known) && known <= rank))
            {
                continue;
            }

            best[reference] = rank;
            buckets[rank].Enqueue(reference);
        }

        for (var rank = 0; rank < buckets.Length; rank++)
        {
            while (buckets[rank].TryDequeue(out var node))
            {
                if (best[node] != rank || !edges.TryGetValue(node, out var targets))
                {
                    continue;
                }

                foreach (var (target, optional) in targets)
                {
                    var candidate = Math.Max(rank, optional ? 1 : 0);
                    if (!best.TryGetValue(target, out var current) || candidate < current)
                    {
                        best[target] = candidate;
                        buckets[candidate].Enqueue(target);
                    }
                }
            }
        }

        return best.ToDictionary(
            pair => pair.Key,
            pair => pair.Value switch
            {
                0 => DependencyScope.Runtime,
                1 => DependencyScope.Optional,
                _ => DependencyScope.Development,
            },
            StringComparer.Ordinal);
    }

    private static int RankOf(DependencyScope scope) => scope switch
    {
        DependencyScope.Runtime => 0,
        DependencyScope.Optional => 1,
        DependencyScope.Development or DependencyScope.Test => 2,
        _ => -1,
    };
}
