using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task GetCurrentInventoriesAsync_ScanWithDependencyGraph_ReadsTheEdgesBack()
    {
        var store = await OpenStoreAsync();
        var leaf = StoreData.Component("pkg:npm/minimist@0.0.8") with { Relation = DependencyRelation.Transitive };
        var middle = StoreData.Component("pkg:npm/mkdirp@0.5.1") with { Relation = DependencyRelation.Transitive, DependsOn = [leaf.BomRef!] };
        var direct = StoreData.Component("pkg:npm/karma@1.7.0") with { Relation = DependencyRelation.Direct, DependsOn = [middle.BomRef!, leaf.BomRef!, "ref-not-in-the-sbom"] };
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, []) with { Components = [direct, middle, leaf] }, Ct);

        var inventory = Assert.Single(await store.GetCurrentInventoriesAsync("app", Ct));

        Assert.Equal(
            [("pkg:npm/karma@1.7.0", "direct", $"{leaf.BomRef} {middle.BomRef}"), ("pkg:npm/mkdirp@0.5.1", "transitive", leaf.BomRef!), ("pkg:npm/minimist@0.0.8", "transitive", "")],
            inventory.Components.Select(c => (c.Coordinates, c.Relation.ToString().ToLowerInvariant(), string.Join(' ', c.DependsOn.Order(StringComparer.Ordinal)))));
    }

    [SkippableFact]
    public async Task RecordScanAsync_SameBomRefInTwoDocuments_EachEdgeStaysInItsDocument()
    {
        var store = await OpenStoreAsync();
        var frontendLeaf = StoreData.Component("pkg:npm/minimist@0.0.8", "frontend/bom.json") with { BomRef = "leaf" };
        var frontend = StoreData.Component("pkg:npm/mkdirp@0.5.1", "frontend/bom.json") with { DependsOn = ["leaf"] };
        var backendLeaf = StoreData.Component("pkg:npm/minimist@1.2.6", "backend/bom.json") with { BomRef = "leaf" };
        var backend = StoreData.Component("pkg:npm/mkdirp@1.0.4", "backend/bom.json") with { DependsOn = ["leaf"] };

        var outcome = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, []) with { Components = [frontendLeaf, frontend, backendLeaf, backend] }, Ct);

        var edges = await QueryAsync<(long Ordinal, long DependsOn)>(
            store, "SELECT ordinal AS Ordinal, depends_on AS DependsOn FROM dependency_edges WHERE run_id = @RunId ORDER BY ordinal", new { outcome.RunId });
        Assert.Equal([(1L, 0L), (3L, 2L)], edges);
    }

    [SkippableFact]
    public async Task GetCurrentInventoriesAsync_SeveralScansAndProducts_ReadsEachSourcesLatestScan()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, []) with { Components = [StoreData.Component("pkg:npm/left-pad@1.0.0")] }, Ct);
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddDays(1), []) with { Components = [StoreData.Component("pkg:npm/left-pad@1.3.0")] }, Ct);
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, [], source: "backend") with { Components = [StoreData.Component("pkg:npm/express@4.0.0")] }, Ct);
        await store.RecordScanAsync(StoreData.Scan("web", StoreData.T0, []) with { Components = [StoreData.Component("pkg:npm/react@18.0.0")] }, Ct);

        var app = await store.GetCurrentInventoriesAsync("app", Ct);
        var all = await store.GetCurrentInventoriesAsync(null, Ct);

        Assert.Equal([("app", "backend", "pkg:npm/express@4.0.0"), ("app", "sbom", "pkg:npm/left-pad@1.3.0")], app.Select(i => (i.Product, i.Source, Assert.Single(i.Components).Coordinates)));
        Assert.Equal(["app", "app", "web"], all.Select(i => i.Product));
    }
}
