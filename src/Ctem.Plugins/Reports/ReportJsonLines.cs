using System.Globalization;
using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Text;

namespace Ctem.Plugins.Reports;

/// <summary>
/// JSON Lines reports (one object per line), read strictly: a line that is not JSON fails the whole report with its
/// <c>line:column</c>, so nothing of a damaged file is stored. An empty file is an empty report: these tools write
/// nothing when they found nothing.
/// </summary>
internal static class ReportJsonLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Hands every line's value, with its pointer (<c>line N</c>), to <paramref name="read"/>.</summary>
    public static async Task<ReportResult> ReadAsync(InputSource source, Func<IReadOnlyList<(JsonElement Item, string Pointer)>, ReportResult> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(read);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: the file is not valid UTF-8"));
        }

        var documents = new List<JsonDocument>();
        try
        {
            var items = new List<(JsonElement, string)>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                try
                {
                    documents.Add(JsonDocument.Parse(line, ReportJson.Options));
                }
                catch (JsonException ex)
                {
                    var column = ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
                    return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", $"{number}:{column}"));
                }

                items.Add((documents[^1].RootElement, "line " + number));
            }

            return read(items);
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>
    /// The top-level property names of the first line's object, for <c>CanParse</c>; null when the head does not start
    /// with a complete JSON object on its first line.
    /// </summary>
    public static HashSet<string>? FirstObjectProperties(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var end = head.IndexOf((byte)'\n');
        return ReportJsonHead.CompleteObjectProperties(end < 0 ? head : head[..end]);
    }
}
