using System.Globalization;
using System.Text;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// packaging's <c>_parse_version_parts</c>: <c>re.split(r"(\d+|[a-z]+|\.|-)", s)</c> keeps both the matched tokens and
/// the text between them, so characters such as ":" or "+" become parts of their own. As in Python, <c>\d</c> is any
/// Unicode decimal digit and <c>[a-z]</c> only the ASCII letters.
/// </summary>
internal static class LegacyTokens
{
    private enum Kind
    {
        Digits,
        Letters,
        Separator,
        Other,
    }

    public static IEnumerable<string> Split(string lowered)
    {
        var token = new StringBuilder();
        Kind? current = null;
        foreach (var rune in lowered.EnumerateRunes())
        {
            var kind = KindOf(rune);

            // '.' and '-' are tokens of one character; every other kind runs on.
            if (current is { } previous && (previous != kind || kind == Kind.Separator))
            {
                if (Normalise(token.ToString()) is { } part)
                {
                    yield return part;
                }

                token.Clear();
            }

            token.Append(rune.ToString());
            current = kind;
        }

        if (token.Length > 0 && Normalise(token.ToString()) is { } last)
        {
            yield return last;
        }

        yield return "*final";
    }

    private static Kind KindOf(Rune rune) => rune.Value switch
    {
        >= 'a' and <= 'z' => Kind.Letters,
        '.' or '-' => Kind.Separator,
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber => Kind.Digits,
        _ => Kind.Other,
    };

    private static string? Normalise(string token)
    {
        var part = token switch
        {
            "." => null,
            "pre" or "preview" or "rc" => "c",
            "-" => "final-",
            "dev" => "@",
            _ => token,
        };

        // Numbers starting with an ASCII digit are zero-padded (zfill(8)) so that, as text, "00000010" sorts after
        // "00000009"; digits of other scripts are left as words, as packaging leaves them.
        return part switch
        {
            null => null,
            _ when char.IsAsciiDigit(part[0]) => new string('0', Math.Max(0, 8 - part.EnumerateRunes().Count())) + part,
            _ => "*" + part,
        };
    }
}
