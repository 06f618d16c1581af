using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task OpenAsync_DatabaseOpenedTwice_AppliesEachMigrationOnce()
    {
        var first = await OpenStoreAsync();
        await ImportAsync(first, StoreData.Advisory("GHSA-keep", StoreData.T0, [StoreData.Npm("left-pad")]));
        await first.DisposeAsync();

        var second = await OpenStoreAsync();
        var appliedAgain = await ((DbCtemStore)second).MigrateAsync(Ct);

        Assert.Empty(appliedAgain);
        var versions = await QueryAsync<long>(second, "SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(MigrationCatalog.For(((DbCtemStore)second).Dialect.MigrationFolder).Select(m => (long)m.Version), versions);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L], versions);
        Assert.Single((await second.GetKnowledgeStatusAsync(Ct)));
    }

    [SkippableFact]
    public async Task OpenAsync_NewDatabase_DescribesItWithoutPassword()
    {
        var store = await OpenStoreAsync();

        Assert.False(string.IsNullOrWhiteSpace(store.Description));
        Assert.DoesNotContain("Password", store.Description, StringComparison.OrdinalIgnoreCase);
    }
}
