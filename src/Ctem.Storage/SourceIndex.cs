using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Keeps <c>sources</c> (each (product, source, tool) with its latest run) and the package index of current
/// inventories (<c>current_packages</c>) up to date as runs are recorded. A scan's inventory replaces its source's
/// previous one in the index; ingests and re-analyses leave the inventory as it was.
/// </summary>
internal static class SourceIndex
{
    private const string UpsertSourceSql = """
        INSERT INTO sources (product_id, name, tool, inventory_run_id, last_run_id)
        VALUES (@ProductId, @Source, @Tool, @InventoryRunId, @RunId)
        ON CONFLICT (product_id, name, tool) DO UPDATE SET last_run_id = excluded.last_run_id,
            inventory_run_id = COALESCE(excluded.inventory_run_id, sources.inventory_run_id)
        RETURNING id
        """;

    private static readonly string[] IndexColumns = ["source_id", "ecosystem", "name", "run_id", "ordinal"];

    public static async Task RecordRunAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, long productId, long runId, ScanRecord scan, CancellationToken cancellationToken)
    {
        var isInventory = scan.Kind == RunKind.Scan;
        var sourceId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            UpsertSourceSql,
            new { ProductId = productId, scan.Source, scan.Tool, InventoryRunId = isInventory ? runId : (long?)null, RunId = runId },
            transaction,
            cancellationToken: cancellationToken));
        if (!isInventory)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM current_packages WHERE source_id = @SourceId", new { SourceId = sourceId }, transaction, cancellationToken: cancellationToken));
        var rows = scan.Components
            .Select((component, ordinal) => (component.PackageKey, Ordinal: ordinal))
            .Where(c => c.PackageKey is not null)
            .Select(c => new object?[] { sourceId, c.PackageKey!.Value.Ecosystem, c.PackageKey.Value.Name, runId, c.Ordinal });
        await dialect.BulkInsertAsync(connection, transaction, "current_packages", IndexColumns, rows, cancellationToken);
    }
}
