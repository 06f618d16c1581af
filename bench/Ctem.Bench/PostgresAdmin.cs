using Npgsql;

namespace Ctem.Bench;

/// <summary>Statements a benchmark runs on the server itself: creating and dropping the database it works in.</summary>
internal static class PostgresAdmin
{
    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
