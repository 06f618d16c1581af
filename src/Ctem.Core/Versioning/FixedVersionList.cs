using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>
/// A finding's fixed versions as they are shown: each version once, in the spelling its ecosystem's OSV records use,
/// in the ecosystem's order. Advisories and tools spell one version several ways (Go's "v2.8.0", "2.8.0" and
/// "2.8.0+incompatible"); the versions the ecosystem's scheme holds equal are one, written in one spelling chosen
/// from theirs alone, so the choice does not depend on which source came first.
/// </summary>
public static class FixedVersionList
{
    public static IReadOnlyList<string> Canonical(IEnumerable<string> versions, string? ecosystem, VersionSchemeRegistry schemes)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(schemes);
        var family = ecosystem is null ? null : Ecosystems.BaseOf(ecosystem);
        var scheme = ecosystem is null ? null : schemes.For(ecosystem);
        var spellings = versions
            .Select(v => Spelling(v, family))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => Preference(v, family))
            .ThenBy(v => v, StringComparer.Ordinal)
            .Select(v => (Text: v, Parsed: scheme is not null && scheme.TryParse(v, out var parsed, out _) ? parsed : null));

        // In the order above, the first of a group of equal versions is the one written.
        var kept = new List<(string Text, ISchemeVersion? Parsed)>();
        foreach (var version in spellings)
        {
            if (version.Parsed is null || !kept.Exists(k => k.Parsed is not null && k.Parsed.CompareTo(version.Parsed) == 0))
            {
                kept.Add(version);
            }
        }

        kept.Sort((a, b) => (a.Parsed, b.Parsed) switch
        {
            (null, null) => string.CompareOrdinal(a.Text, b.Text),
            (null, _) => 1,
            (_, null) => -1,
            _ => a.Parsed.CompareTo(b.Parsed),
        });
        return kept.Select(k => k.Text).ToList();
    }

    /// <summary>OSV's spelling: SemVer ecosystems without the "v" that tags and Go module versions carry.</summary>
    private static string Spelling(string version, string? family)
    {
        var text = version.Trim();
        return (family is "Go" or "npm" or "crates.io" or "Hex") && text.Length > 1 && (text[0] is 'v' or 'V') && char.IsAsciiDigit(text[1])
            ? text[1..]
            : text;
    }

    /// <summary>
    /// Go's "+incompatible" marks every v2+ version of a module without go.mod, and the Go vulndb and the go command
    /// write it ("2.8.0+incompatible"); other sources leave it out. As build metadata it takes no part in the order, so
    /// the spellings are equal and the one with it is written.
    /// </summary>
    private static int Preference(string version, string? family) =>
        family == "Go" && version.EndsWith("+incompatible", StringComparison.Ordinal) ? 0 : 1;
}
