using Ctem.Core.Graph;
using Ctem.Core.Model;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task RecordScanAsync_ServicesAndModels_AreTheSourcesCurrentAssets()
    {
        var store = await OpenStoreAsync();
        var gateway = new DeclaredService("API Gateway", "api-gateway", new SourceLocation("saas.cdx.json", "/services/0"), TopLevel: true)
        {
            Endpoints = ["https://example.com/"],
            Authenticated = false,
            TrustBoundary = true,
            Data = [new ServiceDataFlow("PII", "bi-directional")],
            Calls = ["ms-1"],
        };
        var model = StoreData.Component("pkg:huggingface/acme/sentiment@1.0") with { Type = InventoryAsset.ModelType };
        var first = StoreData.Scan("app", StoreData.T0, []) with { Services = [gateway], Components = [model, StoreData.Component("pkg:npm/left-pad@1.3.0")] };
        await store.RecordScanAsync(first, Ct);
        await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddDays(1), [], source: "other"), Ct);

        var assets = await store.GetCurrentAssetsAsync("app", Ct);

        Assert.Equal([(NodeKinds.Service, "API Gateway"), (NodeKinds.Model, "sentiment")], assets.Select(a => (a.Kind, a.Name)));
        var stored = assets[0].Service!;
        Assert.Equal((gateway.Name, gateway.BomRef, gateway.Location, gateway.TopLevel, gateway.Authenticated, gateway.TrustBoundary), (stored.Name, stored.BomRef, stored.Location, stored.TopLevel, stored.Authenticated, stored.TrustBoundary));
        Assert.Equal(gateway.Endpoints, stored.Endpoints);
        Assert.Equal(gateway.Data, stored.Data);
        Assert.Equal(gateway.Calls, stored.Calls);
        Assert.Equal(("1.0", "pkg:huggingface/acme/sentiment@1.0"), (assets[1].Version, assets[1].Purl));
    }

    [SkippableFact]
    public async Task SaveGraphAsync_TwoRuns_LatestIsTheNewestRunsGraph()
    {
        var store = await OpenStoreAsync();
        var first = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0, []), Ct);
        var second = await store.RecordScanAsync(StoreData.Scan("app", StoreData.T0.AddDays(1), []), Ct);
        var jewel = new GraphNode("data:orders-db", NodeKinds.Data, "orders-db", "ctem.yaml") { CrownJewel = true, Facts = new Dictionary<string, string> { ["classification"] = "restricted" } };
        var step = new GraphNode("finding:1@app/web", NodeKinds.Finding, "CVE-1", "trivy") { FindingId = 1, Likelihood = 0.5, Why = ["CVSS"] };
        var older = new ExposureGraph("app", [jewel], []);
        var newer = new ExposureGraph("app", [jewel, step], [new GraphEdge(step.Key, jewel.Key, EdgeKinds.Trusts, "why")]);

        Assert.Null(await store.GetLatestGraphAsync("app", Ct));
        await store.SaveGraphAsync(first.RunId, older, StoreData.T0, Ct);
        await store.SaveGraphAsync(second.RunId, older, StoreData.T0, Ct);
        await store.SaveGraphAsync(second.RunId, newer, StoreData.T0.AddDays(1), Ct);

        var latest = await store.GetLatestGraphAsync("app", Ct);
        Assert.Equal((second.RunId, StoreData.T0.AddDays(1)), (latest!.RunId, latest.BuiltAt));
        Assert.Equal(newer.Edges, latest.Graph.Edges);
        Assert.Equal([(jewel.Key, true, (long?)null, (double?)null), (step.Key, false, 1, 0.5)], latest.Graph.Nodes.Select(n => (n.Key, n.CrownJewel, n.FindingId, n.Likelihood)));
        Assert.Equal("restricted", latest.Graph.Nodes[0].Facts["classification"]);
        Assert.Equal(["CVSS"], latest.Graph.Nodes[1].Why);
        Assert.Null(await store.GetLatestGraphAsync("other", Ct));
    }
}
