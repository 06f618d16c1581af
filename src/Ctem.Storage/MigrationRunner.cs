using System.Data.Common;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Brings a database to the newest schema: each script not yet recorded in <c>schema_migrations</c> runs in its
/// own transaction together with its record, so a failed or interrupted migration leaves no trace.
/// </summary>
internal sealed class MigrationRunner
{
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;

    public MigrationRunner(ISqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    /// <summary>Applies the pending migrations and returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The usual case writes nothing, so opening a database never waits for a writer: on SQLite an import holds the
        // one write lock for minutes, and a second import, a scan or 'ctem findings' must still open the database.
        if (await IsUpToDateAsync(connection, cancellationToken))
        {
            return [];
        }

        await InTransactionAsync(connection, tx => Execute(connection, tx, _dialect.SchemaMigrationsDdl, null, cancellationToken), cancellationToken);

        var applied = new List<int>();
        foreach (var migration in MigrationCatalog.For(_dialect.MigrationFolder))
        {
            await InTransactionAsync(connection, async tx =>
            {
                // Checked again under the lock: another process may have applied it meanwhile.
                var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version",
                    new { migration.Version }, tx, cancellationToken: cancellationToken));
                if (done > 0)
                {
                    return;
                }

                await Execute(connection, tx, migration.Sql, null, cancellationToken);
                await Execute(connection, tx,
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = _time.GetUtcNow() }, cancellationToken);
                applied.Add(migration.Version);
            }, cancellationToken);
        }

        return applied;
    }

    private async Task<bool> IsUpToDateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        HashSet<int> applied;
        try
        {
            applied = [.. await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))];
        }
        catch (DbException)
        {
            // No bookkeeping table yet (a new database); anything worse fails again, under the lock, with its message.
            return false;
        }

        return MigrationCatalog.For(_dialect.MigrationFolder).All(m => applied.Contains(m.Version));
    }

    private async Task InTransactionAsync(DbConnection connection, Func<DbTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (_dialect.MigrationLockSql.Length > 0)
        {
            await Execute(connection, tx, _dialect.MigrationLockSql, null, cancellationToken);
        }

        await work(tx);
        await tx.CommitAsync(cancellationToken);
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction tx, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: cancellationToken));
}
