using Ctem.Core.Graph;
using Ctem.Engine.Graph;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Testing;
using Xunit;
using static Ctem.Engine.Tests.Graph.GraphSamples;

namespace Ctem.Engine.Tests.Graph;

/// <summary>
/// CycloneDX's own SaaSBOM example (an API gateway in front of three microservices, a Postgres database and an S3
/// bucket) as the services of a product whose scope file marks the database a crown jewel by its bom-ref.
/// </summary>
public sealed class SbomServicesGraphTests
{
    private const string Entry = "SaaSBOM/apigateway-microservices-datastores/bom.json";

    private const string Scope = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
        data:
          - name: ms-1-pgsql.example.com
            classification: restricted
            crownJewel: true
        """;

    [SkippableFact]
    public async Task Parse_SaaSBom_ReadsEveryServiceWithItsTrustAndData()
    {
        var result = await InventoryAssert.ParseSharedSbomAsync(new CycloneDxJsonParser(), "cyclonedx-bom-examples.zip", Entry);

        var services = result.Inventory!.Services;
        Assert.Empty(result.Inventory.Components);
        Assert.Equal(
            ["Microservice 1", "Microservice 2", "Microservice 3", "Postgres", "S3", "API Gateway"],
            services.Select(s => s.Name));
        var gateway = services.Single(s => s.Name == "API Gateway");
        Assert.Equal((true, false, true, "/services/0"), (gateway.TopLevel, gateway.Authenticated, gateway.TrustBoundary, gateway.Location.Pointer));
        Assert.Equal(["https://example.com/", "https://example.com/app"], gateway.Endpoints);
        Assert.Equal(["PII", "PIFI", "Public"], gateway.Data.Select(d => d.Classification));
        Assert.Equal(["ms-1.example.com", "ms-2.example.com", "ms-3.example.com", "ms-1-pgsql.example.com", "s3-example.amazon.com"], gateway.Calls);
        Assert.Equal(["ms-1-pgsql.example.com"], services.Single(s => s.Name == "Microservice 1").Calls);
    }

    [SkippableFact]
    public async Task Paths_ThroughSbomServices_ReachTheCrownJewelTheScopeNamesByBomRef()
    {
        var result = await InventoryAssert.ParseSharedSbomAsync(new CycloneDxJsonParser(), "cyclonedx-bom-examples.zip", Entry);
        var assets = InventoryAsset.Of(result.Inventory!.Services, result.Inventory.Components);

        var graph = Build(Scope, [Network(1)], assets);
        var analysis = PathAnalysis.Of(graph);

        var jewel = graph.Nodes.Single(n => n.CrownJewel);
        Assert.Equal(("data", "ms-1-pgsql.example.com", "PII(bi-directional)"), (jewel.Kind, jewel.Name, jewel.Facts["data"]));
        Assert.Equal(
            [
                "internet → #1 → shop/web → API Gateway → ms-1-pgsql.example.com",
                "internet → #1 → shop/web → API Gateway → Microservice 1 → ms-1-pgsql.example.com",
            ],
            analysis.Paths.Select(Trail));
        Assert.Equal([1L], analysis.Cut.Findings);
        Assert.True(analysis.Cut.Optimal);
    }
}
