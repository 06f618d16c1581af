using System.Text;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Parsers;

/// <summary>Reads formats that are UTF-8 by definition, so a stray byte is reported rather than silently replaced.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole input as text (a byte order mark is dropped), or null when it is not valid UTF-8.</summary>
    public static async Task<string?> ReadStrictAsync(InputSource source, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(source.Content, Strict, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
