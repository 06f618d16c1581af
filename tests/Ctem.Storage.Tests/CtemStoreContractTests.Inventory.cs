using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_ComponentFacts_StoredWithTheRunInventory()
    {
        var store = await OpenStoreAsync();
        var direct = StoreData.Component("pkg:npm/left-pad@1.3.0") with { Scope = DependencyScope.Development, Relation = DependencyRelation.Direct };
        var unknown = StoreData.Component("pkg:npm/right-pad@1.0.0");
        var scan = StoreData.Scan("app", StoreData.T0, []) with { Components = [direct, unknown] };

        var outcome = await store.RecordScanAsync(scan, Ct);

        var rows = await QueryAsync<(string Purl, string? Scope, string? Relation)>(
            store, "SELECT purl AS Purl, scope AS Scope, relation AS Relation FROM run_components WHERE run_id = @RunId ORDER BY ordinal", new { outcome.RunId });
        Assert.Equal([("pkg:npm/left-pad@1.3.0", "development", "direct"), ("pkg:npm/right-pad@1.0.0", null, null)], rows);
    }

    // An empty inventory writes no rows at all (PostgreSQL skips the COPY): the index must still follow each scan.
    [SkippableFact]
    public async Task FindInventoriesWithAsync_InventoryEmptiedThenRefilled_FollowsTheLatestScan()
    {
        var store = await OpenStoreAsync();
        var lodash = new PackageKey("npm", "lodash");
        await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0, [StoreData.Finding(Lodash, "CVE-1")]), Ct);

        var emptied = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(1), []), Ct);
        var afterEmpty = await store.FindInventoriesWithAsync([lodash], Ct);
        var emptyRows = await QueryAsync<long>(store, "SELECT COUNT(*) FROM run_components WHERE run_id = @RunId", new { emptied.RunId });
        var refilled = await store.RecordScanAsync(StoreData.Scan("shop", StoreData.T0.AddHours(2), [StoreData.Finding(Lodash, "CVE-1")]), Ct);
        var afterRefill = await store.FindInventoriesWithAsync([lodash], Ct);

        Assert.Empty(afterEmpty);
        Assert.Equal([0L], emptyRows);
        var inventory = Assert.Single(afterRefill);
        Assert.Equal((refilled.RunId, Lodash), (inventory.RunId, Assert.Single(inventory.Components).Purl!.ToCoordinates()));
    }

    [SkippableFact]
    public async Task RecordScanAsync_InferredVersion_KeptWithTheInventoryAndTheFinding()
    {
        const string From = "'go 1.21' in go.mod (line 3): the minimum Go version";
        var store = await OpenStoreAsync();
        var stdlib = StoreData.Finding("pkg:golang/stdlib@1.21.0", "CVE-2024-24783");
        stdlib = stdlib with { Component = stdlib.Component with { VersionInferredFrom = From } };
        var stated = StoreData.Finding("pkg:npm/left-pad@1.3.0", "CVE-1");

        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, [stdlib, stated]), Ct);

        var findings = await store.GetCurrentFindingsAsync("app", Ct);
        Assert.Equal(
            [("pkg:golang/stdlib@1.21.0", From), ("pkg:npm/left-pad@1.3.0", null)],
            findings.Select(f => (f.ComponentPurl, f.VersionInferredFrom)).Order());
        var inventory = Assert.Single(await store.FindInventoriesWithAsync([new PackageKey("Go", "stdlib")], Ct));
        Assert.Equal(From, Assert.Single(inventory.Components, c => c.Name == "stdlib").VersionInferredFrom);
    }

    [SkippableFact]
    public async Task RecordScanAsync_IncompleteScanMissesFinding_LeavesItOpen()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, [StoreData.Finding("pkg:npm/left-pad@1.3.0", "CVE-1")]), Ct);

        var incomplete = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddDays(1), []) with { Complete = false }, Ct);

        Assert.Equal(0, incomplete.Resolved);
        Assert.Single(await store.GetCurrentFindingsAsync("app", Ct));
    }

    // Found in review: a GHSA adding a CVE alias changed the preferred id, and the finding was resolved and re-created.
    [SkippableFact]
    public async Task RecordScanAsync_PreferredIdChangesThroughNewAlias_KeepsTheSameFinding()
    {
        var store = await OpenStoreAsync();
        var first = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, [StoreData.Finding("pkg:npm/left-pad@1.3.0", "GO-2099-0001")]), Ct);
        var before = Assert.Single(await store.GetCurrentFindingsAsync("app", Ct));

        var second = await store.RecordScanAsync(
            StoreData.Scan("app", StoreData.T0.AddDays(1), [StoreData.Finding("pkg:npm/left-pad@1.3.0", "CVE-2099-0001", "GO-2099-0001", "GHSA-aaaa-bbbb-cccc")]), Ct);

        Assert.Equal((1, 0, 0, 1), (first.New, second.New, second.Resolved, second.StillOpen));
        var after = Assert.Single(await store.GetCurrentFindingsAsync("app", Ct));
        Assert.Equal((before.Id, "CVE-2099-0001", before.FirstSeenAt), (after.Id, after.Vulnerability.Id, after.FirstSeenAt));
    }

    // Found in review: two concurrent scans of one product could both insert the same new finding.
    [SkippableFact]
    public async Task RecordScanAsync_ConcurrentScansOfOneProduct_OneFinding()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, []), Ct);

        var scans = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddMinutes(i), [StoreData.Finding("pkg:npm/left-pad@1.3.0", "CVE-1")]), Ct)));
        var outcomes = await Task.WhenAll(scans);

        Assert.Equal(1, outcomes.Sum(o => o.New));
        Assert.Single(await store.GetCurrentFindingsAsync("app", Ct));
    }
}
