namespace Ctem.Engine.Graph;

/// <summary>
/// The smallest set of findings that has one of every path's findings, by a bounded search (iterative deepening;
/// each level branches on the findings of one path not yet hit). Used where the flow's answer may not be the least:
/// the search proves it is, or finds the smaller set, or gives up after <see cref="Budget"/> steps.
/// </summary>
internal static class SmallestHittingSet
{
    public const int Budget = 1_000_000;

    /// <summary>
    /// The smallest hitting set with fewer than <paramref name="below"/> findings (ascending), an empty list when there is
    /// none (so a set of <paramref name="below"/> is the least), or null when the budget ran out first.
    /// </summary>
    public static IReadOnlyList<long>? Below(IReadOnlyList<IReadOnlyList<long>> paths, int below)
    {
        var sets = paths.Select(p => p.Distinct().Order().ToArray()).DistinctBy(p => string.Join(',', p)).ToList();
        // A path whose findings include another path's is hit whenever that one is.
        var minimal = sets.Where(s => !sets.Any(o => o.Length < s.Length && o.All(s.Contains))).OrderBy(s => s.Length).ToList();
        var steps = 0;
        for (var size = 1; size < below; size++)
        {
            var chosen = new List<long>();
            switch (Search(minimal, size, chosen, ref steps))
            {
                case true:
                    return [.. chosen.Order()];
                case null:
                    return null;
            }
        }

        return [];
    }

    /// <returns>True when found (in <paramref name="chosen"/>), false when no set of that size exists, null when over budget.</returns>
    private static bool? Search(List<long[]> sets, int left, List<long> chosen, ref int steps)
    {
        if (++steps > Budget)
        {
            return null;
        }

        var open = sets.FirstOrDefault(s => !s.Any(chosen.Contains));
        if (open is null)
        {
            return true;
        }

        if (left == 0)
        {
            return false;
        }

        foreach (var finding in open)
        {
            chosen.Add(finding);
            var found = Search(sets, left - 1, chosen, ref steps);
            if (found != false)
            {
                return found;
            }

            chosen.RemoveAt(chosen.Count - 1);
        }

        return false;
    }
}
