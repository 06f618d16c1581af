using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_FindingPlaced_KeepsLatestPlace()
    {
        var store = await OpenStoreAsync();
        var placed = StoreData.Finding(Lodash, "CVE-1") with { Place = new FilePlace("/src/shop", "web/package-lock.json", 12) };
        var unplaced = StoreData.Finding(Minimist, "CVE-2");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [placed, unplaced]), Ct);
        var first = await store.GetCurrentFindingsAsync("shop", Ct);

        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [placed with { Place = new FilePlace(null, "sbom.json", null) }, unplaced]), Ct);
        var second = await store.GetCurrentFindingsAsync("shop", Ct);

        Assert.Equal(new FilePlace("/src/shop", "web/package-lock.json", 12), first.Single(f => f.Vulnerability.Id == "CVE-1").Place);
        Assert.Null(first.Single(f => f.Vulnerability.Id == "CVE-2").Place);
        Assert.Equal(new FilePlace(null, "sbom.json", null), second.Single(f => f.Vulnerability.Id == "CVE-1").Place);
    }
}
