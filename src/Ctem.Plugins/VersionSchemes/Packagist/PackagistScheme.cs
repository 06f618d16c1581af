using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>
/// Packagist (Composer) versions ordered by PHP's <c>version_compare</c>, which Composer uses: the version is
/// canonicalised ('-', '_', '+' and other symbols become '.', a '.' goes between digits and letters), then parts
/// compare left to right — numbers by value, words by their special form (anything else &lt; dev &lt; alpha = a
/// &lt; beta = b &lt; RC = rc &lt; number &lt; pl = p). Any text is a version to PHP; here white space at either end
/// and a "v" before a digit, which Composer strips, are ignored, and only empty text is refused. Where PHP's answers
/// contradict each other the order here is total instead: numbers compare by value at any length (PHP's strtol stops
/// at 2^63-1, so all larger numbers are equal), a version ending in a separator ("1.0-") sorts below the same
/// version continued in any way and equals itself (PHP ranks "1." below itself), and a word starting with "#" sorts
/// just below numbers (PHP makes it equal to every number).
/// </summary>
public sealed class PackagistScheme : IVersionScheme
{
    public static PackagistScheme Instance { get; } = new();

    public string Name => "packagist";

    public IReadOnlyList<string> Ecosystems { get; } = ["Packagist"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length > 1 && trimmed[0] is 'v' or 'V' && char.IsAsciiDigit(trimmed[1]))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.IsEmpty)
        {
            error = $"'{text}' is not a Composer version (empty)";
            return false;
        }

        version = new PackagistVersion(text, PackagistParts.Split(Encoding.UTF8.GetBytes(trimmed.ToString())));
        error = null;
        return true;
    }
}
