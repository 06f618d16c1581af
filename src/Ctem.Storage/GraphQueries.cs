using System.Data.Common;
using Ctem.Core.Graph;
using Ctem.Core.Model;
using Dapper;

namespace Ctem.Storage;

/// <summary>Writes and reads <c>run_assets</c> (services and models per run) and <c>product_graphs</c> (a graph per run).</summary>
internal static class GraphQueries
{
    private static readonly string[] AssetColumns = ["run_id", "ordinal", "kind", "name", "location_path", "location_pointer", "facts_json"];

    public static Task WriteAssetsAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<InventoryAsset> assets, CancellationToken cancellationToken) =>
        dialect.BulkInsertAsync(connection, transaction, "run_assets", AssetColumns, assets.Select((a, i) => new object?[]
        {
            runId, i, a.Kind, a.Name, a.Location.Path, a.Location.Pointer, StorageJson.Serialize(a),
        }), cancellationToken);

    public static async Task<IReadOnlyList<InventoryAsset>> CurrentAssetsAsync(DbConnection connection, string product, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.facts_json
            FROM sources s
            JOIN products p ON p.id = s.product_id
            JOIN run_assets a ON a.run_id = s.inventory_run_id
            WHERE p.name = @Product
            ORDER BY s.name, a.ordinal
            """,
            new { Product = product },
            cancellationToken: cancellationToken));
        return rows.Select(StorageJson.Deserialize<InventoryAsset>).ToList();
    }

    public static async Task SaveGraphAsync(DbConnection connection, long runId, ExposureGraph graph, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM product_graphs WHERE run_id = @RunId", new { RunId = runId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO product_graphs (run_id, product_id, built_at, graph_json)
            SELECT r.id, r.product_id, @BuiltAt, @Json FROM runs r WHERE r.id = @RunId
            """,
            new { RunId = runId, BuiltAt = builtAt, Json = StorageJson.Serialize(graph) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<StoredGraph?> LatestGraphAsync(DbConnection connection, string product, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<GraphRow>(new CommandDefinition(
            """
            SELECT g.run_id AS RunId, g.built_at AS BuiltAt, g.graph_json AS GraphJson
            FROM product_graphs g
            JOIN products p ON p.id = g.product_id
            WHERE p.name = @Product
            ORDER BY g.run_id DESC
            LIMIT 1
            """,
            new { Product = product },
            cancellationToken: cancellationToken));
        return row is null ? null : new StoredGraph(row.RunId, row.BuiltAt, StorageJson.Deserialize<ExposureGraph>(row.GraphJson));
    }

    private sealed class GraphRow
    {
        public long RunId { get; set; }

        public DateTimeOffset BuiltAt { get; set; }

        public string GraphJson { get; set; } = "";
    }
}
