using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task GetAliasGroupsAsync_IdsOfLinkedAdvisories_ShareOneGroup()
    {
        var store = await OpenStoreAsync();
        // GHSA-a names CVE-1; GO-b names GHSA-a and CVE-1: one vulnerability under four names, reachable from any.
        await ImportAsync(
            store,
            StoreData.Advisory("GHSA-a", StoreData.T0, [StoreData.Npm("x")]) with { Aliases = ["CVE-1"] },
            StoreData.Advisory("GO-b", StoreData.T0, [StoreData.Npm("y")]) with { Aliases = ["GHSA-a", "CVE-1", "PYSEC-c"] },
            StoreData.Advisory("GHSA-other", StoreData.T0, [StoreData.Npm("z")]) with { Aliases = ["CVE-2"] });

        var groups = await store.GetAliasGroupsAsync(["CVE-1", "GO-b", "CVE-2", "CVE-404"], Ct);

        Assert.Equal(["CVE-1", "CVE-2", "GO-b"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["CVE-1", "GHSA-a", "GO-b", "PYSEC-c"], groups["CVE-1"]);
        Assert.Equal(groups["CVE-1"], groups["GO-b"]);
        Assert.Equal(["CVE-2", "GHSA-other"], groups["CVE-2"]);
    }

    [SkippableFact]
    public async Task GetAliasGroupsAsync_ManyIds_AreLookedUpInBatches()
    {
        var store = await OpenStoreAsync();
        await ImportAsync(store, StoreData.Advisory("GHSA-a", StoreData.T0, [StoreData.Npm("x")]) with { Aliases = ["CVE-1"] });
        var ids = Enumerable.Range(0, 1_200).Select(i => $"CVE-2099-{i}").Append("CVE-1").ToList();

        var groups = await store.GetAliasGroupsAsync(ids, Ct);

        Assert.Equal(["CVE-1", "GHSA-a"], Assert.Single(groups).Value);
    }
}
