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
    /// <param name="parsed">
    /// Versions already parsed by <paramref name="scheme"/>, shared across the records of one import: PyPI records of
    /// one package list the same releases again and again.
    /// </param>
    public static AffectedPackage Reduce(AffectedPackage affected, IVersionScheme? scheme, Dictionary<string, ISchemeVersion?>? parsed = null)
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
                if (CompiledRange.Compile(range, scheme, out _, parsed) is not { } compiled)
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
            .Where(v => Parse(scheme, v, parsed) is not { } version || !ranges.Exists(r => r.Contains(version)))
            .ToList();
        return kept.Count == affected.Versions.Count ? affected : affected with { Versions = kept };
    }

    /// <param name="parsed">Versions already parsed, per scheme; filled as they are parsed.</param>
    public static Advisory Reduce(Advisory advisory, VersionSchemeRegistry schemes, Dictionary<IVersionScheme, Dictionary<string, ISchemeVersion?>>? parsed = null) =>
        advisory with { Affected = advisory.Affected.Select(a => Reduce(a, schemes.For(a.Ecosystem), CacheFor(schemes.For(a.Ecosystem), parsed))).ToList() };

    private static Dictionary<string, ISchemeVersion?>? CacheFor(IVersionScheme? scheme, Dictionary<IVersionScheme, Dictionary<string, ISchemeVersion?>>? parsed)
    {
        if (scheme is null || parsed is null)
        {
            return null;
        }

        if (!parsed.TryGetValue(scheme, out var cache))
        {
            parsed[scheme] = cache = new Dictionary<string, ISchemeVersion?>(StringComparer.Ordinal);
        }

        return cache;
    }

    private static ISchemeVersion? Parse(IVersionScheme scheme, string text, Dictionary<string, ISchemeVersion?>? parsed)
    {
        if (parsed is not null && parsed.TryGetValue(text, out var known))
        {
            return known;
        }

        var version = scheme.TryParse(text, out var read, out _) ? read : null;
        if (parsed is not null)
        {
            parsed[text] = version;
        }

        return version;
    }
}
