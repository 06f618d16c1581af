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

    [SkippableFact]
    public async Task RecordScanAsync_IncompleteScanMissesFinding_LeavesItOpen()
    {
        var store = await OpenStoreAsync();
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, [StoreData.Finding("pkg:npm/left-pad@1.3.0", "CVE-1")]), Ct);

        var incomplete = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddDays(1), []) with { Complete = false }, Ct);

        Assert.Equal(0, incomplete.Resolved);
        Assert.Single(await store.GetCurrentFindingsAsync("app", Ct));
    }
}
