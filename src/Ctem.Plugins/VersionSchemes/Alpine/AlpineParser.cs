using Ctem.Core.Versioning;
namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>Splits an apk version into its parts, left to right, stopping at the first text that does not fit.</summary>
internal static class AlpineParser
{
    public static AlpineVersion Parse(string text, string trimmed)
    {
        var rest = trimmed.AsSpan();
        var components = ReadComponents(ref rest);

        char? letter = null;
        if (!rest.IsEmpty && char.IsAsciiLetterLower(rest[0]))
        {
            letter = rest[0];
            rest = rest[1..];
        }

        var suffixes = new List<AlpineSuffix>();
        while (TryReadSuffix(ref rest, out var suffix))
        {
            suffixes.Add(suffix);
        }

        // A "~hash" names the commit built from; it carries no order.
        if (rest.Length > 1 && rest[0] == '~' && IsLowerHex(rest[1]))
        {
            var end = 1;
            while (end < rest.Length && IsLowerHex(rest[end]))
            {
                end++;
            }

            rest = rest[end..];
        }

        var revision = "0";
        var wellFormed = true;
        if (rest.StartsWith("-r"))
        {
            var digits = CountDigits(rest[2..]);
            revision = DigitString.TrimZeros(rest.Slice(2, digits));
            rest = rest[(2 + digits)..];
        }
        else if (!rest.IsEmpty)
        {
            wellFormed = false;
        }

        return new AlpineVersion(text, trimmed, wellFormed, components, letter, suffixes, revision, rest.ToString());
    }

    // Digits separated by single dots; a dot not followed by digits ends the list (and leaves an empty component).
    private static List<string> ReadComponents(ref ReadOnlySpan<char> rest)
    {
        var components = new List<string>();
        var digits = CountDigits(rest);
        if (digits == 0)
        {
            return components;
        }

        while (true)
        {
            components.Add(rest[..digits].ToString());
            rest = rest[digits..];
            if (rest.IsEmpty || rest[0] != '.')
            {
                return components;
            }

            rest = rest[1..];
            digits = CountDigits(rest);
            if (digits == 0)
            {
                components.Add("0");
                return components;
            }
        }
    }

    private static bool TryReadSuffix(ref ReadOnlySpan<char> rest, out AlpineSuffix suffix)
    {
        suffix = default;
        if (rest.IsEmpty || rest[0] != '_')
        {
            return false;
        }

        // apk matches suffix names as prefixes, in this order, so "_pre" is "pre" and "_patch" is "p" followed by junk.
        var name = rest[1..];
        string? match = null;
        foreach (var known in AlpineSuffix.KnownNames)
        {
            if (name.StartsWith(known, StringComparison.Ordinal))
            {
                match = known;
                break;
            }
        }

        if (match is null)
        {
            return false;
        }

        var letters = match.Length;
        var weight = AlpineSuffix.WeightOf(match);
        var digits = CountDigits(name[letters..]);
        suffix = new AlpineSuffix(weight, DigitString.TrimZeros(name.Slice(letters, digits)));
        rest = name[(letters + digits)..];
        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var count = 0;
        while (count < span.Length && char.IsAsciiDigit(span[count]))
        {
            count++;
        }

        return count;
    }

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f');
}
