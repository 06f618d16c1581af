using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Ctem.Plugins.VersionSchemes.Pub;

/// <summary>
/// The dot-separated parts of a pre-release or build. pub_semver turns each part that Dart's <c>int.tryParse</c>
/// accepts (decimal or 0x-hex, optionally with a '-' sign) into a number and leaves the rest as strings.
/// </summary>
internal static class PubIdentifiers
{
    public static PubIdentifier[] Split(Group group) =>
        group.Success ? [.. group.Value.Split('.').Select(Parse)] : [];

    /// <summary>
    /// pub_semver's list order: a missing part sorts first, numbers before strings, numbers by value, strings by
    /// code unit.
    /// </summary>
    public static int Compare(PubIdentifier[] a, PubIdentifier[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length)
            {
                return i >= a.Length ? -1 : 1;
            }

            var order = (a[i].Number, b[i].Number) switch
            {
                ({ } x, { } y) => x.CompareTo(y),
                (not null, null) => -1,
                (null, not null) => 1,
                _ => string.CompareOrdinal(a[i].Text, b[i].Text),
            };
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return 0;
    }

    private static PubIdentifier Parse(string part)
    {
        var negative = part.StartsWith('-');
        var body = negative ? part[1..] : part;
        BigInteger? value = null;
        if (body.Length > 0 && body.All(char.IsAsciiDigit))
        {
            value = BigInteger.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else if (body.Length > 2 && (body.StartsWith("0x", StringComparison.Ordinal) || body.StartsWith("0X", StringComparison.Ordinal))
            && body[2..].All(char.IsAsciiHexDigit))
        {
            // A leading 0 keeps the hex parse unsigned.
            value = BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return new PubIdentifier(part, negative && value is { } magnitude ? -magnitude : value);
    }
}

/// <summary>One pre-release or build part: its text and, when it reads as an integer, its value.</summary>
internal sealed record PubIdentifier(string Text, BigInteger? Number);
