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
    public static Task<ReportResult> ReadAsync(InputSource source, Func<JsonElement, ReportResult> read, CancellationToken cancellationToken) =>
        JsonInput.ReadAsync(source, Options, read, ReportResult.Failed, cancellationToken);

    /// <summary>The string value of <paramref name="name"/> when <paramref name="element"/> is an object that has it as a string; else null.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A string, or a number as written (tools write ids and codes either way); null otherwise.</summary>
    public static string? Scalar(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The strings of a property that is a string or an array of strings; empty otherwise.</summary>
    public static List<string> Strings(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => [],
        };
    }

    /// <summary>The array items of <paramref name="name"/>; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        ArrayElement(element, name) is { } array ? array.EnumerateArray() : [];

    /// <summary>The array <paramref name="name"/> itself, or null when absent or not an array (a report's required list).</summary>
    public static JsonElement? ArrayElement(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    /// <summary>The object <paramref name="name"/>, or null when absent or not an object.</summary>
    /// <summary>The value of <paramref name="name"/> when it is a whole number that fits an int; else null (absent, text, fraction).</summary>
    public static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
