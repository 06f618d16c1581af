using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Text;

namespace Ctem.Plugins.Reports;

/// <summary>The one way JSON report parsers load their input: syntax errors and invalid UTF-8 become diagnostics with a place.</summary>
internal static class ReportJson
{
    public static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Parses the input and hands the root to <paramref name="read"/>.</summary>
    public static async Task<ReportResult> ReadAsync(InputSource source, Func<JsonElement, ReportResult> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(read);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(source.Content, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, $"invalid JSON: {JsonLocation.MessageOf(ex)}", JsonLocation.Of(ex)));
        }

        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException || ex.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: a string is not valid UTF-8"));
            }
        }
    }

    /// <summary>The string value of <paramref name="name"/> when <paramref name="element"/> is an object that has it as a string; else null.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The array items of <paramref name="name"/>; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>The object <paramref name="name"/>, or null when absent or not an object.</summary>
    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
