using System.Diagnostics.CodeAnalysis;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>
/// PHP's version canonicalisation (<c>php_canonicalize_version</c>) followed by the split on '.': every run of
/// separators is one boundary, and a digit/non-digit change is a boundary too, so each part is all digits or all
/// letters.
/// </summary>
internal static class PackagistParts
{
    public static bool TrySplit(string text, [NotNullWhen(true)] out string[]? parts)
    {
        parts = null;

        // Composer versions use only these characters; a separator at either end would leave an empty part, which
        // version_compare does not order consistently (it ranks "1." below itself).
        if (text.Length == 0 || !text.All(IsAllowed) || IsSeparator(text[0]) || IsSeparator(text[^1]))
        {
            return false;
        }

        var list = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSeparator(text[i]) && !IsSeparator(text[i - 1]) && char.IsAsciiDigit(text[i]) == char.IsAsciiDigit(text[i - 1]))
            {
                continue;
            }

            if (i > start)
            {
                list.Add(text[start..i]);
            }

            start = i < text.Length && IsSeparator(text[i]) ? i + 1 : i;
        }

        parts = [.. list];
        return true;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || IsSeparator(c);

    private static bool IsSeparator(char c) => c is '.' or '-' or '_' or '+';
}
