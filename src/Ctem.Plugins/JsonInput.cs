using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Text;

namespace Ctem.Plugins;

/// <summary>The one way plugins load a JSON input: syntax errors and invalid UTF-8 become a failed result with a place.</summary>
internal static class JsonInput
{
    /// <summary>Parses the input and hands the root to <paramref name="read"/>; <paramref name="failed"/> makes the result of a bad document.</summary>
    public static async Task<TResult> ReadAsync<TResult>(
        InputSource source, JsonDocumentOptions options, Func<JsonElement, TResult> read, Func<Diagnostic, TResult> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(failed);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(source.Content, options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex)));
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
                return failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: a string is not valid UTF-8"));
            }
        }
    }
}
