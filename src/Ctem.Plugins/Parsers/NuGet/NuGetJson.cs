using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Text;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>Loading and reading the JSON files NuGet and the .NET SDK write (packages.lock.json, *.deps.json).</summary>
internal static class NuGetJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Parses the input and hands the root to <paramref name="read"/>, turning syntax errors into a diagnostic.</summary>
    public static Task<InventoryResult> ReadAsync(InputSource source, Func<string, JsonElement, InventoryResult> read, CancellationToken cancellationToken) =>
        JsonInventory.ReadAsync(source, DocumentOptions, root => read(source.Path, root), cancellationToken);

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool TryObject(JsonElement element, string property, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>One JSON pointer reference token (RFC 6901): target frameworks like "net8.0/win-x64" hold a '/'.</summary>
    public static string Token(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
