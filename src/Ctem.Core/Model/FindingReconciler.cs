namespace Ctem.Core.Model;

/// <summary>A product's stored finding as the reconciler sees it: its id, key, names and whether it is resolved.</summary>
public sealed record KnownFinding(long Id, string Key, string ComponentPurl, string VulnerabilityId, IReadOnlyList<string> Aliases, bool Resolved);

public enum ReconcileKind
{
    /// <summary>No stored finding is this exposure: a new one.</summary>
    Insert,

    /// <summary>The stored open finding continues.</summary>
    Continue,

    /// <summary>The stored finding was resolved and comes back.</summary>
    Reopen,
}

/// <summary>The names a continued finding takes: its new key, preferred id and the other ids, sorted.</summary>
public sealed record FindingNames(string Key, string VulnerabilityId, IReadOnlyList<string> Aliases);

/// <summary>What to do with one observation. <see cref="Names"/> is null when the observation's own names stand (an insert, or a rename another finding blocks).</summary>
public sealed record ReconcileStep(ObservedFinding Observation, ReconcileKind Kind, long? FindingId, FindingNames? Names);

/// <summary>
/// Which stored finding each observation of a run continues; pure, so it is tested without a database and the store
/// only executes the plan. An observation continues the finding of its key; else the finding of the same vulnerability
/// under another preferred id (a CVE alias arrived since; <see cref="VulnerabilityIdentity"/>),
/// on the same component. Exact keys are matched first, so a finding that only shares an alias cannot take a row its
/// own observation will claim; two observations of one run never continue one finding. A continued finding keeps every
/// name it and the observation give, under the preferred id of them all, unless another stored finding has that key.
/// </summary>
public static class FindingReconciler
{
    /// <summary>One step per observation (observations must have distinct keys), exact matches first.</summary>
    public static IReadOnlyList<ReconcileStep> Plan(IReadOnlyList<KnownFinding> known, IReadOnlyList<ObservedFinding> observed)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(observed);
        var byKey = known.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var byName = new FindingNameIndex<KnownFinding>(f => (f.ComponentPurl, f.VulnerabilityId, f.Aliases));
        foreach (var finding in known)
        {
            byName.Add(finding);
        }

        var claimed = new HashSet<long>();
        var steps = new List<ReconcileStep>(observed.Count);
        foreach (var finding in observed.OrderBy(f => byKey.ContainsKey(f.Key) ? 0 : 1))
        {
            var match = byKey.TryGetValue(finding.Key, out var exact) && !claimed.Contains(exact.Id) ? exact : byName.SameAs(finding).FirstOrDefault(f => !claimed.Contains(f.Id));
            if (match is null || !claimed.Add(match.Id))
            {
                steps.Add(new ReconcileStep(finding, ReconcileKind.Insert, null, null));
                continue;
            }

            var names = AllNames(match, finding, byKey);
            if (names is not null)
            {
                byKey.Remove(match.Key);
                byKey[names.Key] = match with { Key = names.Key };
            }

            steps.Add(new ReconcileStep(finding, match.Resolved ? ReconcileKind.Reopen : ReconcileKind.Continue, match.Id, names));
        }

        return steps;
    }

    /// <summary>
    /// Every name the stored finding and the observation give, under the preferred id of them all: a tool that knows
    /// fewer names (GHSA only) must not rename a finding other sources call by its CVE, or the name flips with every
    /// report. Null when another stored finding already has that key (taking it would make two rows of one vulnerability).
    /// </summary>
    private static FindingNames? AllNames(KnownFinding existing, ObservedFinding observed, Dictionary<string, KnownFinding> byKey)
    {
        var names = existing.Aliases.Prepend(existing.VulnerabilityId).Concat(observed.Vulnerability.Aliases).Append(observed.Vulnerability.Id).ToHashSet(StringComparer.Ordinal);
        var preferred = VulnerabilityIdentity.PreferredId(names);
        var key = FindingKey.Of(observed.ComponentCoordinates, preferred);
        if (byKey.TryGetValue(key, out var other) && other.Id != existing.Id)
        {
            return null;
        }

        names.Remove(preferred);
        return new FindingNames(key, preferred, names.Order(StringComparer.Ordinal).ToList());
    }
}
