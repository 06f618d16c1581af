using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers;

/// <summary>The one way JSON inventory parsers load their input: syntax errors and invalid UTF-8 become diagnostics.</summary>
internal static class JsonInventory
{
    /// <summary>Lenient about trailing commas and comments, strict about depth.</summary>
    public static readonly JsonDocumentOptions DefaultOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Parses the input and hands the root to <paramref name="read"/>.</summary>
    public static Task<InventoryResult> ReadAsync(
        InputSource source, JsonDocumentOptions options, Func<JsonElement, InventoryResult> read, CancellationToken cancellationToken) =>
        JsonInput.ReadAsync(source, options, read, InventoryResult.Failed, cancellationToken);

    /// <summary>
    /// Like <see cref="ReadAsync"/>, but checks the bytes as UTF-8 before parsing, so an invalid byte is reported with
    /// its place even when it sits in a string the reader never decodes.
    /// </summary>
    public static async Task<InventoryResult> ReadCheckedUtf8Async(
        InputSource source, JsonDocumentOptions options, Func<JsonElement, InventoryResult> read, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (Utf8Position.FirstInvalid(content.Span) is { } invalidAt)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: the text is not valid UTF-8", invalidAt));
        }

        JsonDocument document;
        try
        {
            // Parsing from memory, unlike from a stream, does not skip a byte order mark.
            document = JsonDocument.Parse(content.Span.StartsWith("\uFEFF"u8) ? content[3..] : content, options);
        }
        catch (JsonException ex)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex)));
        }

        using (document)
        {
            return read(document.RootElement);
        }
    }
}
