using Npgsql;

namespace Ctem.Storage;

/// <summary>A Ctem database in PostgreSQL.</summary>
internal sealed class PostgresCtemStore : DbCtemStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCtemStore(NpgsqlDataSource dataSource, string description, TimeProvider time)
        : base(new PostgresDialect(dataSource, description), time)
    {
        _dataSource = dataSource;
    }

    // Closes the pooled connections, so the database can be dropped once the store is gone.
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
