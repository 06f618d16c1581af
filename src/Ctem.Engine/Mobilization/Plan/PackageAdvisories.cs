using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>
/// Every advisory the knowledge base holds for one package, compiled once, and the versions their ranges name as
/// <c>fixed</c>: the candidates an upgrade can go to. A <c>last_affected</c> bound names the last bad version, not a good
/// one, so it gives no candidate.
/// </summary>
internal sealed class PackageAdvisories
{
    private readonly (AdvisoryCandidate Advisory, CompiledAffected Affected)[] _entries;

    private PackageAdvisories((AdvisoryCandidate, CompiledAffected)[] entries, IVersionScheme? scheme, IReadOnlyList<ComponentVersion> candidates)
    {
        _entries = entries;
        Scheme = scheme;
        Candidates = candidates;
    }

    public IVersionScheme? Scheme { get; }

    /// <summary>The fixed versions the scheme reads, each once, lowest first.</summary>
    public IReadOnlyList<ComponentVersion> Candidates { get; }

    public static PackageAdvisories Compile(string ecosystem, IReadOnlyList<AdvisoryCandidate> advisories, VersionSchemeRegistry schemes)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        var scheme = schemes.For(ecosystem);
        var parsed = new Dictionary<string, ISchemeVersion?>(StringComparer.Ordinal);
        var entries = advisories.Select(a => (a, CompiledAffected.Compile(a.Affected, scheme, parsed))).ToArray();
        var candidates = scheme is null
            ? []
            : FixedVersionList.Canonical(advisories.SelectMany(a => a.Affected.FixedVersions), ecosystem, schemes)
                .Select(v => ComponentVersion.Parse(v, scheme))
                .Where(v => v.Parsed is not null)
                .ToList();
        return new PackageAdvisories(entries, scheme, candidates);
    }

    /// <summary>
    /// The ids of the advisories that affect a version. A check the ranges cannot decide counts as not affected, as a
    /// scan counts it: the plan promises what a rescan will show.
    /// </summary>
    public IReadOnlySet<string> AffectingAt(ComponentVersion version)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (advisory, affected) in _entries)
        {
            if (!ids.Contains(advisory.AdvisoryId) && affected.Check(version).Verdict == AffectedVerdict.Affected)
            {
                ids.Add(advisory.AdvisoryId);
            }
        }

        return ids;
    }

    /// <summary>The advisories of this package that are the vulnerability: its id, an alias or a matched advisory is theirs or one of their aliases.</summary>
    public IReadOnlySet<string> AdvisoriesOf(VulnerabilityRef vulnerability)
    {
        ArgumentNullException.ThrowIfNull(vulnerability);
        var names = new HashSet<string>([vulnerability.Id, .. vulnerability.Aliases, .. vulnerability.AdvisoryIds], StringComparer.Ordinal);
        return _entries
            .Where(e => names.Contains(e.Advisory.AdvisoryId) || e.Advisory.Aliases.Any(names.Contains))
            .Select(e => e.Advisory.AdvisoryId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
