namespace Ctem.Storage;

/// <summary>A Ctem database in one SQLite file.</summary>
internal sealed class SqliteCtemStore : DbCtemStore
{
    public SqliteCtemStore(string path, TimeProvider time)
        : base(new SqliteDialect(path), time)
    {
    }

    // Connections are opened per operation without pooling, so nothing stays open between calls.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
