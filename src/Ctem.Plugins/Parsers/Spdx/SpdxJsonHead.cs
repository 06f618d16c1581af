namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>A look at the first bytes of a file: is it JSON at all, and does it show an SPDX 2.x document.</summary>
internal static class SpdxJsonHead
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>True when the first significant byte is there and cannot open a JSON object.</summary>
    public static bool StartsWithNonJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && head[first] != (byte)'{';
    }

    /// <summary>
    /// Whether the head shows an SPDX 2.x JSON document. Writers that sort keys (trivy) put <c>spdxVersion</c> last,
    /// far past the head, but the document's own <c>SPDXRef-DOCUMENT</c> id comes first.
    /// </summary>
    public static bool LooksLikeSpdx2(ReadOnlySpan<byte> head) =>
        head.IndexOf("\"@context\""u8) < 0
        && (head.IndexOf("\"spdxVersion\""u8) >= 0 || (head.IndexOf("\"SPDXID\""u8) >= 0 && head.IndexOf("\"SPDXRef-DOCUMENT\""u8) >= 0));
}
