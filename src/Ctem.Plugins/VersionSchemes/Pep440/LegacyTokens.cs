namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// packaging's <c>_parse_version_parts</c>: <c>re.split(r"(\d+|[a-z]+|\.|-)", s)</c> keeps both the matched tokens and
/// the text between them, so characters such as ":" or "+" become parts of their own.
/// </summary>
internal static class LegacyTokens
{
    public static IEnumerable<string> Split(string lowered)
    {
        var i = 0;
        while (i < lowered.Length)
        {
            var start = i;
            var c = lowered[i];
            if (char.IsAsciiDigit(c))
            {
                i = RunEnd(lowered, i, char.IsAsciiDigit);
            }
            else if (char.IsAsciiLetterLower(c))
            {
                i = RunEnd(lowered, i, char.IsAsciiLetterLower);
            }
            else if (c is '.' or '-')
            {
                i++;
            }
            else
            {
                i = RunEnd(lowered, i, ch => !char.IsAsciiDigit(ch) && !char.IsAsciiLetterLower(ch) && ch is not ('.' or '-'));
            }

            var token = lowered[start..i];
            if (token != ".")
            {
                yield return Normalise(token);
            }
        }

        yield return "*final";
    }

    private static string Normalise(string token)
    {
        var part = token switch
        {
            "pre" or "preview" or "rc" => "c",
            "-" => "final-",
            "dev" => "@",
            _ => token,
        };

        // Numbers are zero-padded so that, as text, "00000010" sorts after "00000009".
        return char.IsAsciiDigit(part[0]) ? part.PadLeft(8, '0') : "*" + part;
    }

    private static int RunEnd(string text, int index, Func<char, bool> belongs)
    {
        while (index < text.Length && belongs(text[index]))
        {
            index++;
        }

        return index;
    }
}
