using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>
/// Drops from an <c>affected[]</c> entry's explicit <c>versions</c> list the versions its own SEMVER/ECOSYSTEM ranges
/// already cover. OSV exports (PyPI above all) enumerate every affected release beside the ranges; a listed version
/// inside a range is affected either way, so the answer for every version stays the same while matching no longer
/// parses hundreds of listed versions per advisory. Versions the scheme cannot read, and lists beside GIT-only ranges,
/// are kept whole.
/// </summary>
public static class ListedVersionReducer
{
    public static AffectedPackage Reduce(AffectedPackage affected, IVersionScheme? scheme)
    {
        if (scheme is null || affected.Versions.Count == 0)
        {
            return affected;
        }

        var ranges = new List<CompiledRange>();
        foreach (var range in affected.Ranges)
        {
            if (range.Type is RangeType.Semver or RangeType.Ecosystem)
            {
                if (CompiledRange.Compile(range, scheme, out _) is not { } compiled)
                {
                    // An unreadable range decides nothing; the list must stay whole to keep its answers.
                    return affected;
                }

                ranges.Add(compiled);
            }
        }

        if (ranges.Count == 0)
        {
            return affected;
        }

        var kept = affected.Versions
            .Where(v => !scheme.TryParse(v, out var parsed, out _) || !ranges.Exists(r => r.Contains(parsed)))
            .ToList();
        return kept.Count == affected.Versions.Count ? affected : affected with { Versions = kept };
    }

    public static Advisory Reduce(Advisory advisory, VersionSchemeRegistry schemes) =>
        advisory with { Affected = advisory.Affected.Select(a => Reduce(a, schemes.For(a.Ecosystem))).ToList() };
}
