using System.Text.Json;

namespace Ctem.Core.Text;

/// <summary>Turns System.Text.Json's zero-based positions into the one-based "line:column" users expect.</summary>
public static class JsonLocation
{
    public static string? Of(JsonException exception) =>
        exception.LineNumber is { } line
            ? $"{line + 1}:{(exception.BytePositionInLine ?? 0) + 1}"
            : null;

    /// <summary>The parser's message without its own "LineNumber: … | BytePositionInLine: …" suffix.</summary>
    public static string MessageOf(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return message.TrimEnd(' ', '.', '|');
    }
}
