using Dapper;
using Npgsql;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL, each test in a database of its own created through the admin connection
/// string in CTEM_TEST_POSTGRES (see .ci/start-postgres.sh). Without it every test here is reported as skipped.
/// </summary>
public sealed class PostgresCtemStoreTests : CtemStoreContractTests
{
    private const string Variable = "CTEM_TEST_POSTGRES";

    private static readonly string? AdminConnectionString = Environment.GetEnvironmentVariable(Variable);

    private readonly string _database = $"ctem_test_{Guid.NewGuid():N}";

    protected override string? UnavailableReason =>
        string.IsNullOrWhiteSpace(AdminConnectionString)
            ? $"{Variable} is not set: PostgreSQL tests need a server (run .ci/start-postgres.sh)"
            : null;

    protected override async Task<string> CreateDatabaseAsync()
    {
        await AdminExecuteAsync($"CREATE DATABASE \"{_database}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database }.ConnectionString;
    }

    protected override Task DropDatabaseAsync() => AdminExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");

    [SkippableFact]
    public async Task FindAdvisoriesAsync_QueryPlan_CanUsePackageIndex()
    {
        var store = await OpenStoreAsync();
        await using var connection = await ((DbCtemStore)store).OpenAsync(Ct);
        var lookup = new AdvisoryLookup(connection, ((DbCtemStore)store).Dialect);

        // An empty table is cheapest to scan, so sequential scans are priced out to see whether the index applies.
        await connection.ExecuteAsync("SET enable_seqscan = off");
        var plan = await connection.QueryAsync<string>(
            "EXPLAIN " + lookup.Sql, new { Ecosystem = "npm", Names = new[] { "a", "b" } });

        Assert.Contains(plan, line => line.Contains("ix_advisory_packages_key", StringComparison.Ordinal));
    }

    private static async Task AdminExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
