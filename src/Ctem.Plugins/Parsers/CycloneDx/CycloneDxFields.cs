using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>The optional component fields of CycloneDX JSON that Ctem keeps: licences and hashes.</summary>
internal static class CycloneDxFields
{
    public static IReadOnlyList<string> Licenses(JsonElement component)
    {
        if (!component.TryGetProperty("licenses", out var licenses) || licenses.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var choice in licenses.EnumerateArray())
        {
            if (CycloneDxJsonParser.String(choice, "expression") is { Length: > 0 } expression)
            {
                result.Add(expression);
            }
            else if (choice.TryGetProperty("license", out var license)
                && (CycloneDxJsonParser.String(license, "id") ?? CycloneDxJsonParser.String(license, "name")) is { Length: > 0 } id)
            {
                result.Add(id);
            }
        }

        return result;
    }

    public static IReadOnlyList<ComponentHash> Hashes(JsonElement component)
    {
        if (!component.TryGetProperty("hashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return hashes.EnumerateArray()
            .Select(h => (Alg: CycloneDxJsonParser.String(h, "alg"), Content: CycloneDxJsonParser.String(h, "content")))
            .Where(h => h.Alg is { Length: > 0 } && h.Content is { Length: > 0 })
            .Select(h => new ComponentHash(h.Alg!, h.Content!))
            .ToList();
    }
}
