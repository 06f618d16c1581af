using System.Data.Common;
using Npgsql;

namespace Ctem.Storage;

internal sealed class PostgresDialect : ISqlDialect
{
    // Any fixed numbers: they only have to be the same for every Ctem process.
    private const long MigrationLockKey = 0x437465_6D4D6967;
    private const long KnowledgeLockKey = 0x437465_6D4B6E6F;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public string MigrationFolder => "postgres";

    public string SchemaMigrationsDdl => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL
        )
        """;

    public string MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public string ProductLockSql => "SELECT pg_advisory_xact_lock(hashtext(@Product))";

    public string Description { get; }

    // Dapper sends a list to Npgsql as one array parameter, which IN cannot take but = ANY can.
    public string Ordinal(string expression) => $"{expression} COLLATE \"C\"";

    public string JsonStrings(string column) => $"SELECT json_array_elements_text({column}::json)";

    public string ContainsLower(string expression, string parameter) => $"strpos(lower({expression}), @{parameter}) > 0";

    public string JsonElements(string column) => $"json_array_elements_text({column}::json) AS value";

    public string JsonField(string column, string field) => $"({column}::json ->> '{field}')";

    // Days as 24 hours: an interval of days would follow the session's time zone across a change of summer time.
    // LEAST ignores a null, so a finding without KEV's day is due by its SLA.
    public string DueAt(string firstSeenAt, string slaDays, string kevDueDay) =>
        $"CASE WHEN ({slaDays}) IS NULL THEN NULL ELSE LEAST({firstSeenAt} + make_interval(hours => 24 * ({slaDays})::int), (({kevDueDay}) || 'T00:00:00Z')::timestamptz) END";

    public string InValues(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public object ListValue<T>(IReadOnlyCollection<T> values) => values as T[] ?? [.. values];

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// One lock for all knowledge writes, held until the import commits or rolls back. Without it two imports both
    /// saw an advisory (or a KEV snapshot) as absent and both inserted it: a duplicate key (23505) for the later commit.
    /// Finer locks would not do: one import is one transaction over inputs in any order, mixing advisories and feeds, so
    /// locks per source or feed, or row locks from INSERT … ON CONFLICT, are taken in different orders by two imports
    /// and can deadlock; and a lock per source cannot cover a GHSA id that several ecosystems' exports share. Scans,
    /// ingests and readers never take it, and see the knowledge committed before them while an import runs.
    /// </summary>
    public async Task<DbTransaction> BeginKnowledgeImportAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({KnowledgeLockKey})", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var pending = rows.GetEnumerator();
        if (!pending.MoveNext())
        {
            // Nothing to copy (an SBOM without dependencies or services, an ingest): a COPY costs round trips all the same.
            return;
        }

        var npgsql = (NpgsqlConnection)connection;
        await using var importer = await npgsql.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        do
        {
            var row = pending.Current;
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync(cancellationToken);
                        break;
                    case string text:
                        await importer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                        break;
                    case double number:
                        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Double, cancellationToken);
                        break;
                    case DateTimeOffset time:
                        await importer.WriteAsync(Timestamps.Normalize(time), NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
                        break;
                    case int number:
                        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                        break;
                    case long number:
                        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                        break;
                    default:
                        throw new ArgumentException($"bulk insert into {table} cannot write a {value.GetType().Name}", nameof(rows));
                }
            }
        }
        while (pending.MoveNext());

        await importer.CompleteAsync(cancellationToken);
    }
}
