using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>
/// Which direct dependencies pull each transitive component in, per product, from the dependency graphs of the current
/// inventories (<see cref="ICtemStore.GetCurrentInventoriesAsync"/>): walking up from the component, each path ends at the
/// first direct dependency it meets.
/// </summary>
internal sealed class DependencyVia
{
    private readonly Dictionary<(string Product, string Coordinates), SortedSet<string>> _via;

    private DependencyVia(Dictionary<(string Product, string Coordinates), SortedSet<string>> via) => _via = via;

    /// <param name="wanted">The (product, coordinates) of the components to answer for: only their paths are walked.</param>
    public static DependencyVia From(IReadOnlyList<SourceInventory> inventories, IReadOnlySet<(string Product, string Coordinates)> wanted)
    {
        var via = new Dictionary<(string Product, string Coordinates), SortedSet<string>>();
        foreach (var inventory in inventories)
        {
            var components = inventory.Components;
            var parents = Parents(components);
            for (var i = 0; i < components.Count; i++)
            {
                var key = (inventory.Product, components[i].Coordinates);
                if (components[i].Relation != DependencyRelation.Transitive || !wanted.Contains(key))
                {
                    continue;
                }

                foreach (var direct in DirectAbove(i, components, parents))
                {
                    (via.TryGetValue(key, out var set) ? set : via[key] = new SortedSet<string>(StringComparer.Ordinal)).Add(direct);
                }
            }
        }

        return new DependencyVia(via);
    }

    /// <summary>The direct dependencies that pull in the components of these findings, sorted.</summary>
    public IReadOnlyList<string> Of(IEnumerable<StoredFinding> findings) =>
        findings.Select(f => (f.Product, f.ComponentPurl)).Distinct()
            .SelectMany(k => _via.GetValueOrDefault(k) ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Each component's dependents, by index; a bom-ref names a component of the same input document.</summary>
    private static List<int>[] Parents(IReadOnlyList<Component> components)
    {
        var byRef = new Dictionary<(string Path, string BomRef), int>();
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i].BomRef is { } bomRef)
            {
                byRef.TryAdd((components[i].Location.Path, bomRef), i);
            }
        }

        var parents = components.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < components.Count; i++)
        {
            foreach (var dependency in components[i].DependsOn)
            {
                if (byRef.TryGetValue((components[i].Location.Path, dependency), out var child) && child != i)
                {
                    parents[child].Add(i);
                }
            }
        }

        return parents;
    }

    private static IEnumerable<string> DirectAbove(int start, IReadOnlyList<Component> components, List<int>[] parents)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>(parents[start]);
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            if (components[next].Relation == DependencyRelation.Direct)
            {
                yield return components[next].Coordinates;
                continue;
            }

            foreach (var parent in parents[next])
            {
                queue.Enqueue(parent);
            }
        }
    }
}
