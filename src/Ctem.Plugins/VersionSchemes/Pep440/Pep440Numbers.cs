namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>Arbitrary-length non-negative integers kept as digit strings, so no component can overflow.</summary>
internal static class Pep440Numbers
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
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));
}
