using Ctem.Testing;
using Dapper;
using Xunit;

namespace Ctem.Storage.Tests;

/// <summary>The store contract on a SQLite file in a temporary directory; always runs.</summary>
public sealed class SqliteCtemStoreTests : CtemStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    // A directory that does not exist yet: opening must create it.
    private string DatabasePath => Path.Combine(_directory.Path, "data", "ctem.db");

    protected override string? UnavailableReason => null;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(DatabasePath);

    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task DisposeAsync_AfterWrites_LeavesFileDeletable()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0, [StoreData.Npm("left-pad")]));
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding("pkg:npm/a@1", "CVE-1")]), Ct);
        await store.DisposeAsync();

        Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);

        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task FindAdvisoriesAsync_QueryPlan_UsesPackageIndex()
    {
        var store = await OpenStoreAsync();
        await using var connection = await ((DbCtemStore)store).OpenAsync(Ct);
        var lookup = new AdvisoryLookup(connection, ((DbCtemStore)store).Dialect);

        var details = (await connection.QueryAsync(
            "EXPLAIN QUERY PLAN " + lookup.Sql, new { Ecosystem = "npm", Names = ((DbCtemStore)store).Dialect.ListValue(new[] { "a", "b" }) }))
            .Select(row => (string)((IDictionary<string, object>)row)["detail"])
            .ToList();

        Assert.Contains(details, d => d.Contains("ix_advisory_packages_key", StringComparison.Ordinal));
        Assert.DoesNotContain(details, d => d.StartsWith("SCAN p", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAsync_PathUnderAFile_ThrowsCtemStoreException()
    {
        var file = _directory.File("plain-file");
        await File.WriteAllTextAsync(file, "not a directory");

        var error = await Assert.ThrowsAsync<CtemStoreException>(
            () => CtemStoreFactory.OpenAsync(Path.Combine(file, "ctem.db"), Time, Ct));

        Assert.Contains("plain-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileIsNotADatabase_ThrowsCtemStoreException()
    {
        var file = _directory.File("garbage.db");
        await File.WriteAllTextAsync(file, new string('x', 4096));

        var error = await Assert.ThrowsAsync<CtemStoreException>(() => CtemStoreFactory.OpenAsync(file, Time, Ct));

        Assert.Contains("garbage.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NewFile_StoresTimestampsAsRoundTripText()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-1", StoreData.T0.ToOffset(TimeSpan.FromHours(3)), [StoreData.Npm("left-pad")]));

        var modified = await QueryAsync<string>(store, "SELECT modified FROM advisories");

        Assert.Equal(["2025-03-01T12:00:00.0000000+00:00"], modified);
    }
}
