using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>
/// An OSV <c>affected[]</c> entry with every bound parsed and every range's events sorted once, so checking a
/// version is comparisons only. Compile an entry once and check all the versions that meet it.
/// </summary>
public sealed class CompiledAffected
{
    private readonly HashSet<string> _listedText;
    private readonly ISchemeVersion[] _listed;
    private readonly CompiledRange[] _ranges;

    // The answer for every version the ranges do not decide, made once: an entry is checked against many versions.
    private readonly AffectedCheck _otherwise;

    private CompiledAffected(HashSet<string> listedText, ISchemeVersion[] listed, CompiledRange[] ranges, string? undecidable)
    {
        _listedText = listedText;
        _listed = listed;
        _ranges = ranges;
        _otherwise = undecidable is null ? AffectedCheck.NotAffected : new AffectedCheck(AffectedVerdict.Undetermined, undecidable);
    }

    /// <param name="parsed">
    /// Versions already parsed by <paramref name="scheme"/>, shared between the entries of one match: the advisories
    /// of a package list the same version strings over and over (PyPI records enumerate every affected release).
    /// </param>
    public static CompiledAffected Compile(AffectedPackage affected, IVersionScheme? scheme, Dictionary<string, ISchemeVersion?>? parsed = null)
    {
        var listedText = new HashSet<string>(affected.Versions, StringComparer.Ordinal);
        var listed = new List<ISchemeVersion>();
        var ranges = new List<CompiledRange>();
        string? undecidable = null;
        foreach (var version in affected.Versions)
        {
            if (scheme is not null && Parse(scheme, version, parsed) is { } listedVersion)
            {
                listed.Add(listedVersion);
            }
        }

        foreach (var range in affected.Ranges)
        {
            if (range.Type is not (RangeType.Semver or RangeType.Ecosystem))
            {
                continue;
            }

            if (scheme is null)
            {
                undecidable ??= $"no version scheme for ecosystem '{affected.Ecosystem}'";
                continue;
            }

            var compiled = CompiledRange.Compile(range, scheme, out var error, parsed);
            if (compiled is null)
            {
                undecidable ??= error;
            }
            else
            {
                ranges.Add(compiled);
            }
        }

        return new CompiledAffected(listedText, [.. listed], [.. ranges], undecidable);
    }

    private static ISchemeVersion? Parse(IVersionScheme scheme, string text, Dictionary<string, ISchemeVersion?>? cache)
    {
        if (cache is not null && cache.TryGetValue(text, out var known))
        {
            return known;
        }

        var result = scheme.TryParse(text, out var version, out _) ? version : null;
        if (cache is not null)
        {
            cache[text] = result;
        }

        return result;
    }

    public AffectedCheck Check(ComponentVersion version)
    {
        if (_listedText.Contains(version.Text) || (version.Parsed is { } parsed && Array.Exists(_listed, v => parsed.CompareTo(v) == 0)))
        {
            return AffectedCheck.Affected;
        }

        if (_ranges.Length > 0 && version.Parsed is null)
        {
            return new AffectedCheck(AffectedVerdict.Undetermined, version.ParseError ?? $"'{version.Text}' is not a version");
        }

        foreach (var range in _ranges)
        {
            if (range.Contains(version.Parsed!))
            {
                return AffectedCheck.Affected;
            }
        }

        return _otherwise;
    }
}
