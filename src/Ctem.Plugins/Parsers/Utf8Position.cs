using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Ctem.Plugins.Parsers;

/// <summary>
/// Finds bad UTF-8 up front: System.Text.Json accepts it while parsing and only throws when a string is read,
/// which is too late to say where it is.
/// </summary>
internal static class Utf8Position
{
    /// <returns>One-based "line:column" (column in bytes, as <c>JsonLocation</c> gives it) of the first invalid byte, or null.</returns>
    public static string? FirstInvalid(ReadOnlySpan<byte> content)
    {
        if (Utf8.IsValid(content))
        {
            return null;
        }

        var index = 0;
        while (Rune.DecodeFromUtf8(content[index..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }

        var before = content[..index];
        var line = before.Count((byte)'\n') + 1;
        var column = index - before.LastIndexOf((byte)'\n');
        return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
    }
}
