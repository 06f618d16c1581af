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
    public static async Task<InventoryResult> ReadAsync(
        InputSource source, JsonDocumentOptions options, Func<JsonElement, InventoryResult> read, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(source.Content, options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex)));
        }

        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException || ex.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                // The reader checks structure, not the bytes inside strings; reading a string value finds those.
                return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: a string is not valid UTF-8"));
            }
        }
    }
}
