using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>
/// A package's advisories, compiled once per match, and the vulnerabilities each set of them makes, described once.
/// Many versions of a package meet the same set; where the sets differ (every version of an adversarial inventory
/// meets its own), they still share alias groups, so each group's description is kept too.
/// </summary>
internal sealed class PackageAdvisories(IReadOnlyList<AdvisoryCandidate> candidates, IVersionScheme? scheme, Dictionary<string, ISchemeVersion?>? parsed)
{
    private readonly Dictionary<string, DescribedVulnerability[]> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DescribedVulnerability> _groups = new(StringComparer.Ordinal);
    private readonly DescribedVulnerability[]?[] _alone = new DescribedVulnerability[]?[candidates.Count];

    // The alias group of each advisory among all the package's advisories, and each group's size: a matched set only
    // ever splits these groups, never joins two. Found when a version first meets more than one advisory.
    private (int[] GroupOf, int[] GroupSize)? _aliasGroups;

    public CompiledAffected[] Compiled { get; } = [.. candidates.Select(c => CompiledAffected.Compile(c.Affected, scheme, parsed))];

    /// <summary>The vulnerabilities of the advisories at <paramref name="matched"/> (ascending indices), ordered by id.</summary>
    public DescribedVulnerability[] Vulnerabilities(List<int> matched, string ecosystem, VersionSchemeRegistry schemes)
    {
        if (matched.Count == 1)
        {
            // One advisory is one vulnerability, whatever the others name: described once, without building a key.
            return _alone[matched[0]] ??= [Describe([matched[0]], ecosystem, schemes)];
        }

        var setKey = string.Join(',', matched);
        if (_sets.TryGetValue(setKey, out var known))
        {
            return known;
        }

        var (groupOf, groupSize) = _aliasGroups ??= AliasGroupsOfAll();
        var described = new List<DescribedVulnerability>();
        foreach (var part in matched.GroupBy(i => groupOf[i]))
        {
            var members = part.ToList();
            if (members.Count == 1 || members.Count == groupSize[part.Key])
            {
                described.Add(Describe(members, ecosystem, schemes));
                continue;
            }

            // Part of a group matched: the advisories that linked the rest may be the ones left out.
            foreach (var split in AliasGroups.Of(candidates, members))
            {
                described.Add(Describe(split, ecosystem, schemes));
            }
        }

        return _sets[setKey] = [.. described.OrderBy(d => d.Vulnerability.Id, StringComparer.Ordinal)];
    }

    private (int[] GroupOf, int[] GroupSize) AliasGroupsOfAll()
    {
        var groupOf = new int[candidates.Count];
        var groupSize = new int[candidates.Count];
        var group = 0;
        foreach (var members in AliasGroups.Of(candidates, [.. Enumerable.Range(0, candidates.Count)]))
        {
            foreach (var member in members)
            {
                groupOf[member] = group;
            }

            groupSize[group++] = members.Count;
        }

        return (groupOf, groupSize);
    }

    private DescribedVulnerability Describe(IReadOnlyList<int> group, string ecosystem, VersionSchemeRegistry schemes)
    {
        var key = string.Join(',', group);
        if (!_groups.TryGetValue(key, out var described))
        {
            _groups[key] = described = VulnerabilityDescription.Of([.. group.Select(i => candidates[i])], ecosystem, schemes);
        }

        return described;
    }
}

/// <summary>One vulnerability as a group of advisories describes it, with the versions that fix it.</summary>
internal sealed record DescribedVulnerability(VulnerabilityRef Vulnerability, IReadOnlyList<string> Fixed);
