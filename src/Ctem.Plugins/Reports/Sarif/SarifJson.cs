using System.Globalization;
using System.Text.Json;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>Small readers for SARIF's shapes that the shared loader does not cover.</summary>
internal static class SarifJson
{
    public static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>The <c>text</c> of a message-like object (<c>shortDescription</c>, <c>message</c>) named <paramref name="name"/>.</summary>
    public static string? Text(JsonElement? element, string name) =>
        element is { } e && ReportJson.Object(e, name) is { } message && ReportJson.String(message, "text") is { Length: > 0 } text ? text : null;

    /// <summary>A property bag value as text: strings as they are, numbers in invariant form; null otherwise.</summary>
    public static string? Scalar(JsonElement? bag, string name)
    {
        if (bag is not { ValueKind: JsonValueKind.Object } b || !b.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>Every string value directly in a property bag, including strings inside arrays.</summary>
    public static IEnumerable<string> AllStrings(JsonElement? bag) =>
        bag is { ValueKind: JsonValueKind.Object } b
            ? b.EnumerateObject().SelectMany(p => ReportJson.Strings(b, p.Name)).ToList()
            : [];
}
