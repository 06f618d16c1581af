namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>Digit strings compared without converting them to integers, so no component can overflow.</summary>
internal static class AlpineNumbers
{
    public static string TrimZeros(ReadOnlySpan<char> digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    // Digit strings without leading zeros: longer is larger, equal lengths compare as text.
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));

    /// <summary>Compares the numeric components at <paramref name="index"/> of two versions (digits as written).</summary>
    public static int CompareComponent(string a, string b, int index)
    {
        // apk gives a component after the first that starts with '0' a special weight so that "1.05" sorts below
        // "1.5" and "1.1": such components compare digit by digit, as decimal fractions do.
        if (index > 0 && (a[0] == '0' || b[0] == '0'))
        {
            return Math.Sign(string.CompareOrdinal(a, b));
        }

        return Compare(TrimZeros(a), TrimZeros(b));
    }
}
