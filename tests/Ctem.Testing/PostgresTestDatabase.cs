using Npgsql;

namespace Ctem.Testing;

/// <summary>
/// A PostgreSQL database of its own for one test, created through the admin connection string in
/// <c>CTEM_TEST_POSTGRES</c> (set by .ci/start-postgres.sh) and dropped afterwards. Without the variable,
/// <see cref="CreateAsync"/> skips the calling test visibly, or fails it in CI (see <see cref="Prerequisite"/>).
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "CTEM_TEST_POSTGRES";

    private PostgresTestDatabase(string admin, string name)
    {
        Admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? UnavailableReason =>
        AdminConnectionString is null ? $"{Variable} is not set: PostgreSQL tests need a server (run .ci/start-postgres.sh)" : null;

    public string Admin { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        Prerequisite.Require(UnavailableReason);
        var database = new PostgresTestDatabase(AdminConnectionString!, $"ctem_test_{Guid.NewGuid():N}");
        await database.AdminExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task AdminExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
