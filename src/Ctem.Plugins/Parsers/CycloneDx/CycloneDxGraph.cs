using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CycloneDx;

/// <summary>
/// The <c>dependencies</c> graph of a CycloneDX BOM: each component's direct dependencies, and which components the
/// product itself depends on (direct) as opposed to only through others (transitive).
/// </summary>
internal sealed class CycloneDxGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _edges;
    private readonly HashSet<string>? _direct;

    private CycloneDxGraph(Dictionary<string, IReadOnlyList<string>> edges, HashSet<string>? direct)
    {
        _edges = edges;
        _direct = direct;
    }

    public static CycloneDxGraph Read(JsonElement root)
    {
        var edges = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Array)
        {
            foreach (var dependency in dependencies.EnumerateArray())
            {
                if (CycloneDxJsonParser.String(dependency, "ref") is { Length: > 0 } reference)
                {
                    edges[reference] = dependency.TryGetProperty("dependsOn", out var on) && on.ValueKind == JsonValueKind.Array
                        ? on.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                        : [];
                }
            }
        }

        var productRef = root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("component", out var product) && product.ValueKind == JsonValueKind.Object
                ? CycloneDxJsonParser.String(product, "bom-ref")
                : null;

        // Without the product's own entry in the graph, direct and transitive cannot be told apart.
        var direct = productRef is not null && edges.TryGetValue(productRef, out var roots)
            ? new HashSet<string>(roots, StringComparer.Ordinal)
            : null;
        return new CycloneDxGraph(edges, direct);
    }

    /// <summary>What the BOM's <c>dependencies</c> say <paramref name="reference"/> depends on; empty when it lists nothing.</summary>
    public IReadOnlyList<string> DependenciesOf(string reference) => _edges.GetValueOrDefault(reference) ?? [];

    public List<Component> Apply(List<Component> components) =>
        components.Select(c => c.BomRef is not { } reference ? c : c with
        {
            DependsOn = _edges.GetValueOrDefault(reference) ?? [],
            Relation = _direct is null ? DependencyRelation.Unspecified
                : _direct.Contains(reference) ? DependencyRelation.Direct
                : DependencyRelation.Transitive,
        }).ToList();
}
