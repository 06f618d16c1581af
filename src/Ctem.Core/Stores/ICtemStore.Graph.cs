using Ctem.Core.Graph;

namespace Ctem.Core.Stores;

/// <summary>The exposure graph: the assets scans declare beyond packages, and the graph built after each run.</summary>
public partial interface ICtemStore
{
    /// <summary>The services and models of each of the product's current inventories (every source's latest scan), in input order.</summary>
    Task<IReadOnlyList<InventoryAsset>> GetCurrentAssetsAsync(string product, CancellationToken cancellationToken);

    /// <summary>Stores the product's graph as built after run <paramref name="runId"/>, replacing one stored for that run.</summary>
    Task SaveGraphAsync(long runId, ExposureGraph graph, DateTimeOffset builtAt, CancellationToken cancellationToken);

    /// <summary>The product's graph as built after its latest run; null when none was built.</summary>
    Task<StoredGraph?> GetLatestGraphAsync(string product, CancellationToken cancellationToken);
}
