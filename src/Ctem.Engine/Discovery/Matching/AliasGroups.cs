using Ctem.Core.Stores;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>Groups advisories that share an id or alias (transitively), so one vulnerability is reported once.</summary>
internal static class AliasGroups
{
    /// <summary>
    /// The groups among <paramref name="members"/> (indices into <paramref name="candidates"/>), each in the order of
    /// <paramref name="members"/>. Only the members' own ids link them: an advisory outside the members that names two
    /// of them does not join them.
    /// </summary>
    public static IEnumerable<IReadOnlyList<int>> Of(IReadOnlyList<AdvisoryCandidate> candidates, IReadOnlyList<int> members)
    {
        if (members.Count <= 1)
        {
            // Nothing to merge: the common case, without the bookkeeping.
            if (members.Count == 1)
            {
                yield return members;
            }

            yield break;
        }

        var parent = Enumerable.Range(0, members.Count).ToArray();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < members.Count; m++)
        {
            var candidate = candidates[members[m]];
            Link(parent, owner, candidate.AdvisoryId, m);
            foreach (var alias in candidate.Aliases)
            {
                Link(parent, owner, alias, m);
            }
        }

        foreach (var group in Enumerable.Range(0, members.Count).GroupBy(m => Find(parent, m)))
        {
            yield return [.. group.Select(m => members[m])];
        }
    }

    private static void Link(int[] parent, Dictionary<string, int> owner, string id, int member)
    {
        if (owner.TryGetValue(id, out var other))
        {
            parent[Find(parent, member)] = Find(parent, other);
        }
        else
        {
            owner[id] = member;
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
