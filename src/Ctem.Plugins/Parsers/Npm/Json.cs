using System.Text.Json;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>Lenient accessors for JSON objects whose fields may be missing or of the wrong kind.</summary>
internal static class Json
{
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool True(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>An object of string values (a dependencies map); other values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(JsonElement element, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in value.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String)
                {
                    map[entry.Name] = entry.Value.GetString()!;
                }
            }
        }

        return map;
    }

    /// <summary>RFC 6901 escaping of one reference token.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
