using Ctem.Core.Versioning;
namespace Ctem.Plugins.VersionSchemes.RubyGems;

/// <summary>Gem::Version#canonical_segments: the segments with trailing zeros dropped from each of the two parts.</summary>
internal static class GemSegments
{
    public static GemSegment[] Canonical(string version)
    {
        var segments = Scan(version);
        var firstLetters = segments.FindIndex(s => !s.IsNumber);
        if (firstLetters < 0)
        {
            return [.. DropTrailingZeros(segments)];
        }

        // The release part and the pre-release part lose their trailing zeros separately, so "1.0.a.0" becomes "1.a".
        return [.. DropTrailingZeros(segments[..firstLetters]), .. DropTrailingZeros(segments[firstLetters..])];
    }

    // The equivalent of Ruby's scan(/[0-9]+|[a-z]+/i): separators and any other characters only delimit segments.
    private static List<GemSegment> Scan(string version)
    {
        var segments = new List<GemSegment>();
        var i = 0;
        while (i < version.Length)
        {
            var start = i;
            if (char.IsAsciiDigit(version[i]))
            {
                while (i < version.Length && char.IsAsciiDigit(version[i]))
                {
                    i++;
                }

                segments.Add(new GemSegment(DigitString.TrimZeros(version.AsSpan(start, i - start)), true));
            }
            else if (char.IsAsciiLetter(version[i]))
            {
                while (i < version.Length && char.IsAsciiLetter(version[i]))
                {
                    i++;
                }

                segments.Add(new GemSegment(version[start..i], false));
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static List<GemSegment> DropTrailingZeros(List<GemSegment> segments)
    {
        var count = segments.Count;
        while (count > 0 && segments[count - 1].IsZero)
        {
            count--;
        }

        return segments[..count];
    }
}
