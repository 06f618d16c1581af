using Ctem.Testing;

namespace Ctem.Server.Tests;

/// <summary>The databases every API test runs on: a SQLite file, and a PostgreSQL database of its own (CTEM_TEST_POSTGRES).</summary>
public enum Dialect
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database of one dialect, dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly PostgresTestDatabase? _postgres;

    private TestDatabase(TempDirectory temp, PostgresTestDatabase? postgres, string spec)
    {
        _temp = temp;
        _postgres = postgres;
        Spec = spec;
    }

    /// <summary>What <c>--db</c> takes: the SQLite file's path or the PostgreSQL connection string.</summary>
    public string Spec { get; }

    public string Directory => _temp.Path;

    public static async Task<TestDatabase> CreateAsync(Dialect dialect)
    {
        var temp = new TempDirectory();
        if (dialect == Dialect.Sqlite)
        {
            return new TestDatabase(temp, null, temp.File("ctem.db"));
        }

        var postgres = await PostgresTestDatabase.CreateAsync();
        return new TestDatabase(temp, postgres, postgres.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _temp.Dispose();
    }
}
