using System.Text;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>The few Python <c>str</c> behaviours packaging's version keys depend on, on .NET strings.</summary>
internal static class PythonText
{
    /// <summary>
    /// <c>str.lower()</c>: each code point's lower case, with the one unconditional expansion Python applies, "İ" to
    /// "i̇". (Python also lowers a word-final "Σ" to "ς", which no version text has needed.)
    /// </summary>
    public static string Lower(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == 0x130)
            {
                builder.Append("i\u0307");
            }
            else
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary><c>str.strip()</c>, which is also what packaging's <c>^\s*</c> and <c>\s*$</c> leave of a version.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    // str.isspace() for one character: .NET's white space plus the four separators U+001C..U+001F.
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    /// <summary>Python's string order: by code point, which for UTF-16 differs from ordinal order only past U+D7FF.</summary>
    public static int Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Math.Sign(CodePointRank(a[i]) - CodePointRank(b[i]));
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF, so they must rank above U+E000..U+FFFF.
    private static int CodePointRank(char c) => c switch
    {
        >= '\ue000' => c - 0x800,
        >= '\ud800' => c + 0x2000,
        _ => c,
    };
}
