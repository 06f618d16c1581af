using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_Owners_KeptPerFindingAndFiltered()
    {
        var store = await OpenStoreAsync();
        var through = StoreData.Finding("pkg:npm/through@2.3.8", "CVE-2021-29940");
        var lodash = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [through with { Owner = "web", OwnerSource = "owners: pkg:npm/through*" }, lodash with { Owner = "platform", OwnerSource = "product owner" }]), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [lodash]), Ct);

        var web = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.Open) { Owner = "web" }, Ct);
        var all = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All), Ct);

        var only = Assert.Single(web);
        Assert.Equal(("shop", "CVE-2021-29940", "web", "owners: pkg:npm/through*"), (only.Product, only.Vulnerability.Id, only.Owner, only.OwnerSource));
        Assert.Equal(["blog:", "shop:platform", "shop:web"], all.Select(f => $"{f.Product}:{f.Owner}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task RecordScanAsync_OwnerRulesChanged_TheLatestAssessmentsOwnerWins()
    {
        var store = await OpenStoreAsync();
        var lodash = StoreData.Finding(Lodash, "CVE-1");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [lodash with { Owner = "platform", OwnerSource = "product owner" }]), Ct);

        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [lodash with { Owner = "node", OwnerSource = "owners: pkg:npm/*" }]), Ct);

        var finding = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        Assert.Equal(("node", "owners: pkg:npm/*"), (finding.Owner, finding.OwnerSource));
    }
}
