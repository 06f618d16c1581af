using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ctem.Storage;

internal sealed class SqliteDialect : ISqlDialect
{
    // How long a writer waits for the one before it. SQLite has one writer at a time, and an import of osv.dev exports
    // holds the write lock for minutes: a second import, or a scan, waits for it (as on PostgreSQL) rather than failing.
    private const int BusyTimeoutMilliseconds = 15 * 60 * 1000;

    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        Description = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,

            // Without pooling the file is really closed when the store is disposed, so it can be moved or deleted.
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string MigrationFolder => "sqlite";

    public string SchemaMigrationsDdl => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    // BEGIN IMMEDIATE (the provider's default transaction) already takes the write lock.
    public string MigrationLockSql => string.Empty;

    // SQLite has one writer at a time.
    public string ProductLockSql => string.Empty;

    public string Description { get; }

    // Dapper expands a list parameter into (@p1, @p2, …) for SQLite.
    // SQLite's BINARY collation compares UTF-8 bytes: the order of code points.
    public string Ordinal(string expression) => expression;

    public string JsonStrings(string column) => $"SELECT value FROM json_each({column})";

    public string ContainsLower(string expression, string parameter) => $"instr(lower({expression}), @{parameter}) > 0";

    public string JsonElements(string column) => $"json_each({column})";

    public string JsonField(string column, string field) => $"json_extract({column}, '$.{field}')";

    // Times are fixed-width UTC text (Timestamps.ToText), so whole days move the date part alone and text order is
    // time order; min() of a null is null, hence the second try without KEV's day.
    public string DueAt(string firstSeenAt, string slaDays, string kevDueDay)
    {
        var bySla = $"(date(substr({firstSeenAt}, 1, 10), printf('%+d days', {slaDays})) || substr({firstSeenAt}, 11))";
        return $"COALESCE(min(({kevDueDay}) || 'T00:00:00.0000000+00:00', {bySla}), {bySla})";
    }

    public string InValues(string column, string parameter) => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    public object ListValue<T>(IReadOnlyCollection<T> values) => JsonArrays.Of(values);

    // A run's transaction writes tens of megabytes: with SQLite's default 2 MB page cache it spills pages to the WAL
    // and reads them back, and its temporary staging tables go to temporary files.
    private const string CachePragmas = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; {CachePragmas}",
                cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // BEGIN IMMEDIATE (the provider's default transaction) takes the one write lock: a second import waits for the first.
    public async Task<DbTransaction> BeginKnowledgeImportAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    // One prepared single-row INSERT, rebound per row: Microsoft.Data.Sqlite finds each named parameter by a linear
    // search of the statement's parameters, so a multi-row INSERT's binding grows with the square of its width.
    public async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => $"$p{c}"))})";
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = $"$p{c}";
            command.Parameters.Add(parameters[c]);
        }

        var prepared = false;
        foreach (var row in rows)
        {
            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }

            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = row[c] switch
                {
                    null => DBNull.Value,
                    DateTimeOffset time => Timestamps.ToText(time),
                    var value => value,
                };
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
