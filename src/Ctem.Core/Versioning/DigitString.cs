namespace Ctem.Core.Versioning;

/// <summary>
/// Non-negative integers of any length kept as digit strings, the way every version scheme compares numeric parts:
/// no part can overflow, whatever a version string holds.
/// </summary>
public static class DigitString
{
    /// <summary>True when every character is an ASCII digit (so also for an empty span: callers check length themselves).</summary>
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

    /// <summary>The digits without leading zeros ("0" for all zeros), ready for <see cref="Compare"/>.</summary>
    public static string TrimZeros(ReadOnlySpan<char> digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    /// <summary>Compares two digit strings without leading zeros: longer is larger, equal lengths compare as text. -1, 0 or 1.</summary>
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));
}
