using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctem.Plugins.Vex;

/// <summary>Identifiers and times that depend only on the data, so that the same export gives the same bytes.</summary>
internal static class VexIds
{
    /// <summary>SHA-256 (lowercase hex) of the parts, each ended by a NUL so that ("ab","c") and ("a","bc") differ.</summary>
    public static string Hash(IEnumerable<string?> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A UUID (version 8, RFC 9562) from the first bytes of <see cref="Hash"/>.</summary>
    public static Guid Uuid(IEnumerable<string?> parts)
    {
        var bytes = Convert.FromHexString(Hash(parts)[..32]);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>RFC 3339 in UTC, with fractions of a second only when there are some.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
