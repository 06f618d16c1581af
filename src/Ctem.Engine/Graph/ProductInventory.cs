using Ctem.Core.Graph;
using Ctem.Core.Stores;

namespace Ctem.Engine.Graph;

/// <summary>One asset of a product, with what is known of it and where it was found.</summary>
public sealed record InventoryEntry(string Name, IReadOnlyList<(string Name, string Value)> Details, string FoundIn);

/// <summary>
/// <c>ctem inventory</c>: each kind of asset a product has. Integrations say which deployments and services talk to them
/// and which leaked secrets open them; secrets say what they open.
/// </summary>
public static class ProductInventory
{
    public const string Integrations = "integrations";
    public const string Services = "services";
    public const string Secrets = "secrets";
    public const string Models = "models";
    public const string Components = "components";

    public static readonly string[] Kinds = [Integrations, Services, Secrets, Models, Components];

    public static async Task<IReadOnlyList<InventoryEntry>> ListAsync(ICtemStore store, string product, string kind, ExposureGraph? graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return kind switch
        {
            Integrations => graph is null ? [] : FromGraph(graph, NodeKinds.Integration),
            Secrets => graph is null ? [] : FromGraph(graph, NodeKinds.Secret),
            Services or Models => (await store.GetCurrentAssetsAsync(product, cancellationToken))
                .Where(a => a.Kind == (kind == Services ? NodeKinds.Service : NodeKinds.Model))
                .Select(Asset)
                .ToList(),
            Components => (await store.GetCurrentInventoriesAsync(product, cancellationToken))
                .SelectMany(i => i.Components)
                .Select(c => new InventoryEntry(
                    c.Name,
                    Details(("version", c.Version), ("purl", c.Purl?.ToString()), ("type", c.Type)),
                    Where(c.Location.Path, c.Location.Pointer)))
                .ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an inventory kind"),
        };
    }

    private static List<InventoryEntry> FromGraph(ExposureGraph graph, string kind)
    {
        var names = graph.Nodes.ToDictionary(n => n.Key, n => n.Name, StringComparer.Ordinal);
        string Joined(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => names[k]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return graph.Nodes.Where(n => n.Kind == kind).Select(node =>
        {
            var into = graph.Edges.Where(e => e.To == node.Key).ToList();
            var from = graph.Edges.Where(e => e.From == node.Key).ToList();
            var details = node.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();
            if (node.FindingId is { } id)
            {
                details.Insert(0, ("finding", "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            details.AddRange(kind == NodeKinds.Integration
                ? Details(
                    ("talked to by", Joined(into.Where(e => e.Kind == EdgeKinds.Trusts).Select(e => e.From))),
                    ("opened by", Joined(into.Where(e => e.Kind == EdgeKinds.Unlocks).Select(e => e.From))),
                    ("holds", Joined(from.Where(e => e.Kind == EdgeKinds.Trusts).Select(e => e.To))))
                : Details(
                    ("opens", Joined(from.Where(e => e.Kind == EdgeKinds.Unlocks).Select(e => e.To))),
                    ("bound", string.Join("; ", from.Where(e => e.Kind == EdgeKinds.Unlocks).Select(e => e.Why)))));
            return new InventoryEntry(node.Name, details, node.FoundIn);
        }).ToList();
    }

    private static InventoryEntry Asset(InventoryAsset asset) => new(
        asset.Name,
        asset.Service is { } service
            ? Details(
                ("endpoints", string.Join(" ", service.Endpoints)),
                ("authenticated", service.Authenticated?.ToString().ToLowerInvariant()),
                ("trustBoundary", service.TrustBoundary?.ToString().ToLowerInvariant()),
                ("trustZone", service.TrustZone),
                ("data", string.Join(" ", service.Data.Select(d => d.Classification))),
                ("provider", service.Provider))
            : Details(("version", asset.Version), ("purl", asset.Purl)),
        Where(asset.Location.Path, asset.Location.Pointer));

    private static string Where(string path, string? pointer) => pointer is null ? path : $"{path} {pointer}";

    private static List<(string, string)> Details(params (string Name, string? Value)[] details) =>
        details.Where(d => !string.IsNullOrEmpty(d.Value)).Select(d => (d.Name, d.Value!)).ToList();
}
