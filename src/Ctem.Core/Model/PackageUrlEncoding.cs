using System.Text;

namespace Ctem.Core.Model;

/// <summary>
/// Percent-encoding as the purl specification defines it: UTF-8 octets, with only ASCII letters, digits,
/// <c>.-_~</c> and the colon left bare (the colon is never encoded, so <c>sha256:…</c> versions stay readable).
/// </summary>
internal static class PackageUrlEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    public static string Encode(string text)
    {
        if (text.All(IsBare))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var octet in Encoding.UTF8.GetBytes(text))
        {
            if (octet < 0x80 && IsBare((char)octet))
            {
                builder.Append((char)octet);
            }
            else
            {
                builder.Append('%').Append(HexDigits[octet >> 4]).Append(HexDigits[octet & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Each segment encoded on its own, so the slashes between them stay separators.</summary>
    public static string EncodeSegments(string text) => string.Join('/', text.Split('/').Select(Encode));

    /// <summary>The decoded text, or null when a '%' is not followed by two hex digits.</summary>
    public static string? Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var octets = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                // Whole runs of literal text, so surrogate pairs reach the UTF-8 encoder together.
                var next = text.IndexOf('%', i);
                var end = next < 0 ? text.Length : next;
                octets.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end;
                continue;
            }

            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return null;
            }

            octets.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
            i += 3;
        }

        return Encoding.UTF8.GetString(octets.ToArray());
    }

    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':';
}
