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
            var cache = scheme is null ? null : parsedVersions.TryGetValue(scheme, out var known) ? known : parsedVersions[scheme] = new(StringComparer.Ordinal);
            if (!packages.TryGetValue(list, out var package))
            {
                packages[list] = package = new PackageAdvisories(list, scheme, cache);
            }

            var version = Parse(text, scheme, cache);
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

            foreach (var (vulnerability, fixedVersions) in package.Vulnerabilities(matched, key.Ecosystem, schemes))
            {
                findings.Add(new ObservedFinding(component, vulnerability, fixedVersions));
            }
        }

        return new MatchResult(findings, undetermined, matchable.Count);
    }

    /// <summary>
    /// The component's version, taken from the versions the package's advisories already parsed when it is one of
    /// them (an unreadable one is parsed again, for its error).
    /// </summary>
    private static ComponentVersion Parse(string text, IVersionScheme? scheme, Dictionary<string, ISchemeVersion?>? parsed) =>
        parsed is not null && parsed.TryGetValue(text, out var known) && known is not null
            ? new ComponentVersion(text, known, null)
            : ComponentVersion.Parse(text, scheme);
}
