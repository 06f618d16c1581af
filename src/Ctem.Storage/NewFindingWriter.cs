using System.Data.Common;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Inserts a run's new findings set-based: bulk-loaded into a temporary table (COPY on PostgreSQL, one prepared
/// statement on SQLite), then one INSERT … SELECT in the plan's order, so ids are given in that order as they were
/// one at a time. The new ids are read back by (product, finding key), which is unique.
/// </summary>
internal static class NewFindingWriter
{
    private const string CreateSql = $"CREATE TEMP TABLE new_findings (ordinal INTEGER NOT NULL, {FindingColumns.ObservedDdl})";

    private static readonly string ObservedList = string.Join(", ", FindingColumns.Observed);

    private static readonly string InsertSql = $"""
        INSERT INTO findings (product_id, product_name, {ObservedList}, status, first_seen_at, last_seen_at, resolved_at, first_run_id, last_run_id)
        SELECT @ProductId, (SELECT name FROM products WHERE id = @ProductId), {ObservedList}, 'open', @At, @At, NULL, @RunId, @RunId
        FROM new_findings ORDER BY ordinal
        """;

    private const string IdsSql = """
        SELECT CAST(n.ordinal AS BIGINT) AS Ordinal, f.id AS Id FROM new_findings n
        JOIN findings f ON f.product_id = @ProductId AND f.finding_key = n.finding_key
        """;

    /// <returns>The new findings' ids, in the order of <paramref name="rows"/>.</returns>
    public static async Task<long[]> InsertAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, long productId, RunWrite run, IReadOnlyList<FindingRow> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var parameters = new { ProductId = productId, run.RunId, run.At };
        await ExecuteAsync(connection, transaction, CreateSql, null, cancellationToken);
        await dialect.BulkInsertAsync(
            connection, transaction, "new_findings", ["ordinal", .. FindingColumns.Observed], rows.Select((row, i) => FindingColumns.Values(i, row)), cancellationToken);
        await ExecuteAsync(connection, transaction, InsertSql, parameters, cancellationToken);
        var ids = new long[rows.Count];
        foreach (var (ordinal, id) in await connection.QueryAsync<(long Ordinal, long Id)>(new CommandDefinition(IdsSql, parameters, transaction, cancellationToken: cancellationToken)))
        {
            ids[ordinal] = id;
        }

        await ExecuteAsync(connection, transaction, "DROP TABLE new_findings", null, cancellationToken);
        return ids;
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
