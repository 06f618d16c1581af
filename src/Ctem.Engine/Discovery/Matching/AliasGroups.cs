using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>Groups advisories that share an id or alias (transitively), so one vulnerability is reported once.</summary>
internal static class AliasGroups
{
    public static IEnumerable<IReadOnlyList<AdvisoryCandidate>> Of(IReadOnlyList<AdvisoryCandidate> candidates)
    {
        if (candidates.Count <= 1)
        {
            // Nothing to merge: the common case, without the bookkeeping.
            if (candidates.Count == 1)
            {
                yield return candidates;
            }

            yield break;
        }

        var parent = Enumerable.Range(0, candidates.Count).ToArray();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var id in candidates[i].Aliases.Prepend(candidates[i].AdvisoryId))
            {
                if (owner.TryGetValue(id, out var other))
                {
                    parent[Find(parent, i)] = Find(parent, other);
                }
                else
                {
                    owner[id] = i;
                }
            }
        }

        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(i => Find(parent, i)))
        {
            yield return group.Select(i => candidates[i]).ToList();
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
