using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Discovery.Matching;

/// <summary>
/// Meets components with the advisories of their package. Advisories that name each other (through ids and
/// aliases) are one vulnerability and give one finding per component, listing every id.
/// </summary>
public static class AdvisoryMatcher
{
    public static MatchResult Match(
        IEnumerable<Component> components,
        IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>> candidates,
        VersionSchemeRegistry schemes)
    {
        var findings = new List<ObservedFinding>();
        var undetermined = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var packages = new Dictionary<IReadOnlyList<AdvisoryCandidate>, PackageAdvisories>(ReferenceEqualityComparer.Instance);
        var parsedVersions = new Dictionary<IVersionScheme, Dictionary<string, ISchemeVersion?>>(ReferenceEqualityComparer.Instance);

        // One advisory usually matches many versions of its package: describe each lone advisory once.
        var described = new Dictionary<AdvisoryCandidate, (VulnerabilityRef Vulnerability, IReadOnlyList<string> Fixed)>(ReferenceEqualityComparer.Instance);

        // Sorting the components, not the findings: output is ordered by package, then vulnerability id.
        var matchable = components
            // The same package twice is checked once; distribution packages that share name and version but not
            // release or source package (qualifiers) are different checks.
            .Where(c => c.PackageKey is not null && c.MatchVersion is { Length: > 0 })
            .GroupBy(c => (c.Coordinates, c.PackageKey!.Value, c.MatchVersion!))
            .OrderBy(g => g.Key.Coordinates, StringComparer.Ordinal)
            .ToList();
        var matched = new List<int>();
        foreach (var sightings in matchable)
        {
            // Checked as the first input that holds it says, but its version counts as stated when any input states it.
            var component = sightings.First() is { VersionInferredFrom: not null } first && sightings.Any(c => c.VersionInferredFrom is null)
                ? first with { VersionInferredFrom = null }
                : sightings.First();
            var key = component.PackageKey!.Value;
            var text = component.MatchVersion!;
            if (!candidates.TryGetValue(key, out var list) || list.Count == 0)
            {
                continue;
            }

            var scheme = schemes.For(key.Ecosystem);
            if (!packages.TryGetValue(list, out var package))
            {
                var cache = scheme is null ? null : parsedVersions.TryGetValue(scheme, out var known) ? known : parsedVersions[scheme] = new(StringComparer.Ordinal);
                packages[list] = package = new PackageAdvisories([.. list.Select(c => CompiledAffected.Compile(c.Affected, scheme, cache))]);
            }

            var version = ComponentVersion.Parse(text, scheme);
            matched.Clear();
            for (var i = 0; i < package.Compiled.Length; i++)
            {
                var check = package.Compiled[i].Check(version);
                if (check.Verdict == AffectedVerdict.Affected)
                {
                    matched.Add(i);
                }
                else if (check.Verdict == AffectedVerdict.Undetermined)
                {
                    var reason = check.Reason ?? "undetermined";
                    undetermined[reason] = undetermined.GetValueOrDefault(reason) + 1;
                }
            }

            if (matched.Count == 0)
            {
                continue;
            }

            // Many versions of a package meet the same advisories: their vulnerabilities are described once.
            var setKey = string.Join(',', matched);
            if (!package.Vulnerabilities.TryGetValue(setKey, out var vulnerabilities))
            {
                vulnerabilities = AliasGroups.Of([.. matched.Select(i => list[i])])
                    .Select(group => group.Count > 1 ? Describe(group, key.Ecosystem, schemes)
                        : described.TryGetValue(group[0], out var lone) ? lone
                        : described[group[0]] = Describe(group, key.Ecosystem, schemes))
                    .OrderBy(d => d.Vulnerability.Id, StringComparer.Ordinal)
                    .ToArray();
                package.Vulnerabilities[setKey] = vulnerabilities;
            }

            foreach (var (vulnerability, fixedVersions) in vulnerabilities)
            {
                findings.Add(new ObservedFinding(component, vulnerability, fixedVersions));
            }
        }

        return new MatchResult(findings, undetermined, matchable.Count);
    }

    /// <summary>A package's advisories compiled once, and the vulnerabilities each set of matched advisories (by index) makes.</summary>
    private sealed class PackageAdvisories(CompiledAffected[] compiled)
    {
        public CompiledAffected[] Compiled { get; } = compiled;

        public Dictionary<string, (VulnerabilityRef Vulnerability, IReadOnlyList<string> Fixed)[]> Vulnerabilities { get; } = new(StringComparer.Ordinal);
    }

    private static (VulnerabilityRef Vulnerability, IReadOnlyList<string> Fixed) Describe(IReadOnlyList<AdvisoryCandidate> group, string ecosystem, VersionSchemeRegistry schemes)
    {
        var ids = group.Select(c => c.AdvisoryId).Concat(group.SelectMany(c => c.Aliases)).Distinct(StringComparer.Ordinal).ToList();
        var preferred = VulnerabilityIdentity.PreferredId(ids);
        var advisoryIds = group.Select(c => c.AdvisoryId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var first = group.OrderBy(c => c.AdvisoryId, StringComparer.Ordinal).First();
        var (cvss, cvssAdvisory) = CvssChoice.Best(group.OrderBy(c => c.AdvisoryId, StringComparer.Ordinal).SelectMany(c => c.Scores.Select(s => (c.AdvisoryId, s))));
        var severityAdvisory = group.FirstOrDefault(c => c.Severity is not null) ?? first;
        var vulnerability = new VulnerabilityRef(
            preferred,
            ids.Where(id => id != preferred).Order(StringComparer.Ordinal).ToList(),
            group.OrderBy(c => c.AdvisoryId, StringComparer.Ordinal).Select(c => c.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            group.Select(c => c.Severity).FirstOrDefault(s => s is not null) ?? first.Severity,
            advisoryIds)
        {
            Cvss = cvss,
            CvssSource = cvssAdvisory is null ? null : "osv:" + cvssAdvisory,
            SeveritySource = severityAdvisory.Severity is null ? null : "osv:" + severityAdvisory.AdvisoryId,
            ExploitReferences = group.SelectMany(c => c.ExploitReferences).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Cwes = group.SelectMany(c => c.Cwes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        return (vulnerability, FixedVersionList.Canonical(group.SelectMany(c => c.Affected.FixedVersions), ecosystem, schemes));
    }
}
