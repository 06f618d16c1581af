using Dapper;
using Ctem.Testing;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL, each test in a database of its own created through the admin connection
/// string in CTEM_TEST_POSTGRES (see .ci/start-postgres.sh). Without it every test here is reported as skipped.
/// </summary>
public sealed class PostgresCtemStoreTests : CtemStoreContractTests
{
    private PostgresTestDatabase? _database;

    protected override string? UnavailableReason => PostgresTestDatabase.UnavailableReason;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return _database.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

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

    // Migration 0030: a foreign key costs a trigger and a query per inserted row, half of each inventory COPY.
    [SkippableFact]
    public async Task OpenAsync_InventoryTables_HaveNoPerRowForeignKeyChecks()
    {
        var store = await OpenStoreAsync();

        var keys = await QueryAsync<string>(
            store,
            "SELECT conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ('run_components', 'dependency_edges', 'current_packages', 'run_assets') ORDER BY 1");

        Assert.Equal(["run_assets"], keys);
    }
}
