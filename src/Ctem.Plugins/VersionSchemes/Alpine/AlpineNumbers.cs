using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>apk's rule for numeric components, on top of the overflow-free digit strings.</summary>
internal static class AlpineNumbers
{
    /// <summary>Compares the numeric components at <paramref name="index"/> of two versions (digits as written).</summary>
    public static int CompareComponent(string a, string b, int index)
    {
        // apk gives a component after the first that starts with '0' a special weight so that "1.05" sorts below
        // "1.5" and "1.1": such components compare digit by digit, as decimal fractions do.
        if (index > 0 && (a[0] == '0' || b[0] == '0'))
        {
            return Math.Sign(string.CompareOrdinal(a, b));
        }

        return DigitString.Compare(DigitString.TrimZeros(a), DigitString.TrimZeros(b));
    }
}
