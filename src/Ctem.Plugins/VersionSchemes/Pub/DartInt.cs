using System.Globalization;
using System.Numerics;

namespace Ctem.Plugins.VersionSchemes.Pub;

/// <summary>
/// Dart's <c>int.tryParse</c> on the native VM (sdk/lib/_internal/vm/lib/integers_patch.dart), for the characters a
/// version identifier can hold: an optional sign, then decimal digits or "0x" and hex digits. An int has 64 bits, so a
/// decimal beyond them is no number (pub_semver keeps it as a string), and a hex number up to 2^64-1 wraps into the
/// negative range as the VM allows for "0x" literals.
/// </summary>
internal static class DartInt
{
    private static readonly BigInteger Int64Range = BigInteger.One << 63;

    public static long? TryParse(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.AsSpan(text.Length > 0 && text[0] is '-' or '+' ? 1 : 0);
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            var hex = body[2..];
            if (!hex.ContainsAnyExcept("0123456789abcdefABCDEF") && hex.TrimStart('0').Length <= 16)
            {
                // A leading 0 keeps the parse unsigned.
                var magnitude = BigInteger.Parse("0" + hex.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (!negative)
                {
                    return unchecked((long)(ulong)magnitude);
                }

                return magnitude <= Int64Range ? (long)-magnitude : null;
            }

            return null;
        }

        if (body.IsEmpty || body.ContainsAnyExceptInRange('0', '9') || body.TrimStart('0').Length > 19)
        {
            return null;
        }

        var value = BigInteger.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
        var signed = negative ? -value : value;
        return signed >= -Int64Range && signed < Int64Range ? (long)signed : null;
    }
}
