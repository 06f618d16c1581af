using Ctem.Core.Model;

namespace Ctem.Core.Graph;

/// <summary>
/// An asset a scan's inputs declare beyond packages: a CycloneDX service (<see cref="Service"/> set) or a
/// machine-learning model (a component of type <c>machine-learning-model</c>).
/// </summary>
/// <param name="Kind"><see cref="NodeKinds.Service"/> or <see cref="NodeKinds.Model"/>.</param>
public sealed record InventoryAsset(string Kind, string Name, SourceLocation Location)
{
    public string? Version { get; init; }

    public string? Purl { get; init; }

    public DeclaredService? Service { get; init; }

    /// <summary>The CycloneDX component type of the AI models a product ships.</summary>
    public const string ModelType = "machine-learning-model";

    /// <summary>The services and models of a scan's inventory, in input order.</summary>
    public static IReadOnlyList<InventoryAsset> Of(IReadOnlyList<DeclaredService> services, IReadOnlyList<Component> components) =>
    [
        .. services.Select(s => new InventoryAsset(NodeKinds.Service, s.Name, s.Location) { Service = s }),
        .. components.Where(c => string.Equals(c.Type, ModelType, StringComparison.Ordinal))
            .Select(c => new InventoryAsset(NodeKinds.Model, c.Name, c.Location) { Version = c.Version, Purl = c.Purl?.ToString() }),
    ];
}

/// <summary>A product's exposure graph as stored after a run.</summary>
public sealed record StoredGraph(long RunId, DateTimeOffset BuiltAt, ExposureGraph Graph);
