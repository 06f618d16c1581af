using System.Text.Json;

namespace Ctem.Core.Model;

/// <summary>
/// Reads NVD's CPE configurations as <see cref="CveRecord.CpeConfigurationsJson"/> keeps them: the API 2.0 shape
/// (<c>[{nodes: [{cpeMatch: [{vulnerable, criteria}]}]}]</c>) and the legacy 1.1 feeds' (<c>{nodes: [{cpe_match:
/// [{vulnerable, cpe23Uri}], children: […]}]}</c>).
/// </summary>
public static class NvdConfigurations
{
    /// <summary>Every distinct CPE that a configuration marks vulnerable, in the order given; none for unreadable JSON.</summary>
    public static IReadOnlyList<CpeName> VulnerableCpes(string? configurationsJson) => Cpes(configurationsJson, vulnerableOnly: true);

    /// <summary>Every distinct CPE a configuration names, vulnerable or a platform; what an index of records by product holds.</summary>
    public static IReadOnlyList<CpeName> NamedCpes(string? configurationsJson) => Cpes(configurationsJson, vulnerableOnly: false);

    private static IReadOnlyList<CpeName> Cpes(string? configurationsJson, bool vulnerableOnly)
    {
        if (string.IsNullOrWhiteSpace(configurationsJson))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(configurationsJson);
            var found = new List<CpeName>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in NodesOf(document.RootElement))
            {
                Collect(node, vulnerableOnly, found, seen);
            }

            return found;
        }
        catch (JsonException)
        {
            // Stored from a parsed record, so never expected; a record that cannot be read says nothing against a finding.
            return [];
        }
    }

    private static IEnumerable<JsonElement> NodesOf(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray().SelectMany(configuration => Items(configuration, "nodes")),
        JsonValueKind.Object => Items(root, "nodes"),
        _ => [],
    };

    private static void Collect(JsonElement node, bool vulnerableOnly, List<CpeName> found, HashSet<string> seen)
    {
        foreach (var match in Items(node, "cpeMatch").Concat(Items(node, "cpe_match")))
        {
            var vulnerable = match.TryGetProperty("vulnerable", out var flag) && flag.ValueKind == JsonValueKind.True;
            var text = Text(match, "criteria") ?? Text(match, "cpe23Uri");
            if ((vulnerable || !vulnerableOnly) && CpeName.Parse(text) is { } cpe && seen.Add(cpe.Text))
            {
                found.Add(cpe);
            }
        }

        foreach (var child in Items(node, "children"))
        {
            Collect(child, vulnerableOnly, found, seen);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
