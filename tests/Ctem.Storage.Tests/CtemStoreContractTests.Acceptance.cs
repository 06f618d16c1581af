using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task AcceptRiskAsync_InForceUntilItExpires_WithEventsAndTheListWithoutIt()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding("pkg:npm/through@2.3.8", "CVE-2")]), Ct);
        var lodash = (await store.GetCurrentFindingsAsync("shop", Ct)).Single(f => f.Vulnerability.Id == "CVE-1");

        var first = await store.AcceptRiskAsync(lodash.Id, "internal only", StoreData.T0.AddDays(10), "alice", StoreData.T0, Ct);
        var second = await store.AcceptRiskAsync(lodash.Id, "vendor fix in Q2", StoreData.T0.AddDays(30), "bob", StoreData.T0.AddDays(1), Ct);
        var open = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Open), Ct);
        var all = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.All), Ct);
        var early = await store.ExpireAcceptancesAsync(StoreData.T0.AddDays(29), Ct);
        var expired = await store.ExpireAcceptancesAsync(StoreData.T0.AddDays(30), Ct);
        var back = await store.GetFindingsAsync(new FindingFilter("shop", FindingStatusFilter.Open), Ct);
        var events = await store.GetFindingEventsAsync("shop", 0, long.MaxValue, Ct);

        Assert.Equal(("shop", "internal only"), (first!.Product, first.Reason));
        Assert.Equal(["CVE-2"], open.Select(f => f.Vulnerability.Id));
        Assert.Equal(("vendor fix in Q2", "bob", StoreData.T0.AddDays(30)), (all.Single(f => f.Id == lodash.Id).Acceptance!.Reason, all.Single(f => f.Id == lodash.Id).Acceptance!.By, all.Single(f => f.Id == lodash.Id).Acceptance!.Until));
        Assert.Empty(early);
        Assert.Equal(second!.Id, Assert.Single(expired).Id);
        Assert.Equal(["CVE-1", "CVE-2"], back.Select(f => f.Vulnerability.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await store.GetAcceptancesInForceAsync(Ct));
        var history = events.Where(e => e.FindingId == lodash.Id && e.Kind is FindingEventKind.Accepted or FindingEventKind.AcceptanceExpired).ToList();
        Assert.Equal([(FindingEventKind.Accepted, "alice", "internal only"), (FindingEventKind.Accepted, "bob", "vendor fix in Q2"), (FindingEventKind.AcceptanceExpired, null, "vendor fix in Q2")], history.Select(e => (e.Kind, e.Actor, e.Reason)));
    }

    // The list is read from the acceptances to their findings (issue 18): each in force once, with its own product.
    [SkippableFact]
    public async Task GetAcceptancesInForceAsync_TwoProductsOneReplaced_EachFindingsLatestWithItsProduct()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        await store.RecordScanAsync(StoreData.Scan("blog", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1"), StoreData.Finding("pkg:npm/through@2.3.8", "CVE-2")]), Ct);
        var shop = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        var blog = (await store.GetCurrentFindingsAsync("blog", Ct)).Single(f => f.Vulnerability.Id == "CVE-2");

        await store.AcceptRiskAsync(blog.Id, "not reachable", StoreData.T0.AddDays(10), "alice", StoreData.T0, Ct);
        await store.AcceptRiskAsync(shop.Id, "internal only", StoreData.T0.AddDays(10), "alice", StoreData.T0, Ct);
        await store.AcceptRiskAsync(blog.Id, "fixed upstream in May", StoreData.T0.AddDays(20), "bob", StoreData.T0.AddDays(1), Ct);
        var inForce = await store.GetAcceptancesInForceAsync(Ct);

        Assert.Equal(
            [("shop", shop.Id, "internal only"), ("blog", blog.Id, "fixed upstream in May")],
            inForce.Select(a => (a.Product, a.FindingId, a.Reason)));
    }

    [SkippableFact]
    public async Task AssignAsync_OverridesTheRulesOwnerAndKeepsFromAndTo()
    {
        var store = await OpenStoreAsync();
        var lodash = StoreData.Finding(Lodash, "CVE-1") with { Owner = "platform", OwnerSource = "product owner" };
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [lodash]), Ct);
        var id = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct)).Id;

        var assigned = await store.AssignAsync(id, "payments", "alice", StoreData.T0.AddHours(1), Ct);
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddDays(1), [lodash]), Ct);
        var finding = Assert.Single(await store.GetCurrentFindingsAsync("shop", Ct));
        var missing = await store.AssignAsync(id + 1000, "payments", "alice", StoreData.T0, Ct);
        var events = await store.GetFindingEventsAsync("shop", 0, long.MaxValue, Ct);

        Assert.Equal(("platform", "payments"), (assigned!.From, assigned.To));
        Assert.Equal(("payments", "assigned by alice"), (finding.Owner, finding.OwnerSource));
        Assert.Null(missing);
        var change = Assert.Single(events, e => e.Kind == FindingEventKind.Assigned);
        Assert.Equal(("alice", "platform", "payments"), (change.Actor, change.From, change.To));
    }
}
