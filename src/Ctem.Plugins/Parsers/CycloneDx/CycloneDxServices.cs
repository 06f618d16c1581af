using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>
/// A CycloneDX BOM's <c>services[]</c> (nested at any depth), for the exposure graph: a nested service is one its parent
/// calls, and the BOM's <c>dependencies</c> add the calls it lists.
/// </summary>
internal static class CycloneDxServices
{
    public static List<DeclaredService> Read(string path, JsonElement root, CycloneDxGraph graph)
    {
        var services = new List<DeclaredService>();
        if (root.TryGetProperty("services", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            Collect(path, list, "/services", topLevel: true, graph, services);
        }

        return services;
    }

    /// <returns>The bom-refs of the services collected at this level.</returns>
    private static List<string> Collect(string path, JsonElement array, string pointer, bool topLevel, CycloneDxGraph graph, List<DeclaredService> services)
    {
        var refs = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var here = $"{pointer}/{index++}";
            if (item.ValueKind != JsonValueKind.Object || CycloneDxJsonParser.String(item, "name") is not { Length: > 0 } name)
            {
                continue;
            }

            var nested = item.TryGetProperty("services", out var children) && children.ValueKind == JsonValueKind.Array
                ? Collect(path, children, $"{here}/services", topLevel: false, graph, services)
                : [];
            var bomRef = CycloneDxJsonParser.String(item, "bom-ref");
            var trustZone = CycloneDxJsonParser.String(item, "trustZone");
            services.Add(new DeclaredService(name, bomRef, new SourceLocation(path, here), topLevel)
            {
                Provider = item.TryGetProperty("provider", out var provider) && provider.ValueKind == JsonValueKind.Object ? CycloneDxJsonParser.String(provider, "name") : null,
                Endpoints = Strings(item, "endpoints"),
                Authenticated = Boolean(item, "authenticated"),
                TrustBoundary = Boolean(item, "x-trust-boundary") ?? Boolean(item, "trustBoundary") ?? (trustZone is null ? null : true),
                TrustZone = trustZone,
                Data = Flows(item),
                Calls = [.. nested.Concat(bomRef is null ? [] : graph.DependenciesOf(bomRef)).Distinct(StringComparer.Ordinal)],
            });
            if (bomRef is not null)
            {
                refs.Add(bomRef);
            }
        }

        return refs;
    }

    // 1.3–1.4 give data as {classification, flow}; 1.5+ as {flow, classification, name, source, destination}: both read alike.
    private static List<ServiceDataFlow> Flows(JsonElement service) =>
        service.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray()
                .Where(d => d.ValueKind == JsonValueKind.Object && CycloneDxJsonParser.String(d, "classification") is { Length: > 0 })
                .Select(d => new ServiceDataFlow(CycloneDxJsonParser.String(d, "classification")!, CycloneDxJsonParser.String(d, "flow")))
                .ToList()
            : [];

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static bool? Boolean(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
