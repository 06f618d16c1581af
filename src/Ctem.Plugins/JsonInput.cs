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
            return failed(Invalid(source.Path, ex));
        }

        return Use(source.Path, document, read, failed);
    }

    /// <summary>The same for content already in memory (the VEX readers get it as bytes).</summary>
    public static TResult Read<TResult>(
        string path, ReadOnlyMemory<byte> content, JsonDocumentOptions options, Func<JsonElement, TResult> read, Func<Diagnostic, TResult> failed)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(failed);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, options);
        }
        catch (JsonException ex)
        {
            return failed(Invalid(path, ex));
        }

        return Use(path, document, read, failed);
    }

    private static Diagnostic Invalid(string path, JsonException ex) =>
        Diagnostic.Error(DiagnosticCodes.InvalidJson, path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex));

    private static TResult Use<TResult>(string path, JsonDocument document, Func<JsonElement, TResult> read, Func<Diagnostic, TResult> failed)
    {
        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException || ex.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                // The reader checks structure, not the bytes inside strings; reading a string value finds those.
                return failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, path, "invalid JSON: a string is not valid UTF-8"));
            }
        }
    }
}
