using Ctem.Core.Graph;

namespace Ctem.Storage;

internal abstract partial class DbCtemStore
{
    public async Task<IReadOnlyList<InventoryAsset>> GetCurrentAssetsAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GraphQueries.CurrentAssetsAsync(connection, product, cancellationToken);
    }

    public async Task SaveGraphAsync(long runId, ExposureGraph graph, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        await using var connection = await OpenAsync(cancellationToken);
        await GraphQueries.SaveGraphAsync(connection, runId, graph, builtAt, cancellationToken);
    }

    public async Task<StoredGraph?> GetLatestGraphAsync(string product, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GraphQueries.LatestGraphAsync(connection, product, cancellationToken);
    }
}
