namespace Ctem.Plugins.VersionSchemes.Debian;

/// <summary>Character rules of Debian policy §5.6.12 and digit-string helpers that cannot overflow.</summary>
internal static class DebianText
{
    public static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string TrimZeros(ReadOnlySpan<char> digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    // Digit strings without leading zeros: longer is larger, equal lengths compare as text.
    public static int CompareNumbers(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));

    /// <summary>The error for a version dpkg's character rules reject, or null.</summary>
    public static string? Validate(string text, string upstream, string revision)
    {
        if (upstream.Length == 0)
        {
            return $"'{text}' has an empty upstream version";
        }

        // Policy only says the upstream part "should" start with a digit and dpkg merely warns, so that is accepted;
        // characters outside the allowed sets have no defined order and are rejected.
        foreach (var c in upstream)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '-' or ':'))
            {
                return $"'{text}' has the invalid character '{c}' in its upstream version";
            }
        }

        foreach (var c in revision)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~'))
            {
                return $"'{text}' has the invalid character '{c}' in its revision";
            }
        }

        return null;
    }
}
