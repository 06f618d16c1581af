using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>
/// Packagist (Composer) versions ordered by PHP's <c>version_compare</c>, which Composer uses: '-', '_' and '+'
/// become '.', a '.' goes between digits and letters, then parts compare left to right — numbers by value, words by
/// their special form (anything else &lt; dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; number &lt; pl = p).
/// A leading "v", which Composer strips, is ignored.
/// </summary>
public sealed class PackagistScheme : IVersionScheme
{
    public static PackagistScheme Instance { get; } = new();

    public string Name => "packagist";

    public IReadOnlyList<string> Ecosystems { get; } = ["Packagist"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && (trimmed[0] == 'v' || trimmed[0] == 'V'))
        {
            trimmed = trimmed[1..];
        }

        if (!PackagistParts.TrySplit(trimmed, out var parts))
        {
            error = $"'{text}' is not a Composer version (letters, digits and . - _ + between parts)";
            return false;
        }

        version = new PackagistVersion(text, parts);
        error = null;
        return true;
    }
}
