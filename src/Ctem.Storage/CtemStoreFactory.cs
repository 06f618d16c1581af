using Ctem.Core.Stores;
using Npgsql;

namespace Ctem.Storage;

/// <summary>Opens a Ctem database from what the user gave: a PostgreSQL connection string or URI, else a SQLite file path.</summary>
public static class CtemStoreFactory
{
    /// <summary>
    /// Opens the database and applies any pending migrations. Any failure to reach or prepare it is a
    /// <see cref="CtemStoreException"/> whose message names the database without its password.
    /// </summary>
    public static async Task<ICtemStore> OpenAsync(string databaseSpec, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseSpec);
        ArgumentNullException.ThrowIfNull(time);

        DbCtemStore store = PostgresConnectionSpec.IsPostgres(databaseSpec) ? OpenPostgres(databaseSpec, time) : OpenSqlite(databaseSpec, time);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The Npgsql connection string of a PostgreSQL database spec (keyword form or URI), for the components that connect
    /// to the same database themselves (Quartz's job store); null for a SQLite path. Throws
    /// <see cref="CtemStoreException"/> when the spec is malformed, as opening would.
    /// </summary>
    public static string? PostgresConnectionString(string databaseSpec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseSpec);
        return PostgresConnectionSpec.IsPostgres(databaseSpec) ? PostgresConnectionSpec.Parse(databaseSpec).ConnectionString : null;
    }

    private static PostgresCtemStore OpenPostgres(string spec, TimeProvider time)
    {
        var builder = PostgresConnectionSpec.Parse(spec);
        var description = PostgresConnectionSpec.Describe(builder);
        try
        {
            return new PostgresCtemStore(new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), description, time);
        }
        catch (ArgumentException e)
        {
            throw new CtemStoreException($"cannot open {description}: the connection string is not valid", e);
        }
    }

    private static SqliteCtemStore OpenSqlite(string spec, TimeProvider time)
    {
        string path;
        try
        {
            path = Path.GetFullPath(spec);
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CtemStoreException($"cannot open SQLite database '{spec}': {e.Message}", e);
        }

        return new SqliteCtemStore(path, time);
    }
}
