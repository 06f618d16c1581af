using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Engine.Graph;
using Xunit;
using static Ctem.Engine.Tests.Graph.GraphSamples;

namespace Ctem.Engine.Tests.Graph;

/// <summary>
/// Findings tied to deployments: a finding on an endpoint is on the deployment whose targets cover it, a component
/// finding on every deployment; entry points from <c>reachableFrom</c>. Hand-built topologies with answers worked out by hand.
/// </summary>
public sealed class EndpointPathTests
{
    // The web faces the internet; the api is reached only through the web; the admin console only from the partner network.
    private const string Tiers = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [shop/api]
                targets: ["web.shop.test:443", "https://www.shop.test"]
              - name: api
                environment: production
                reachableFrom: []
                connects: [orders-db]
                targets: ["10.0.0.0/24"]
              - name: admin
                environment: production
                reachableFrom: [partner]
                connects: [orders-db]
                targets: [admin.shop.test]
        data:
          - name: orders-db
            crownJewel: true
        """;

    public static TheoryData<string, StoredFinding[], string[], long[]> Topologies => new()
    {
        {
            "endpoint findings on the web and the api: fixing the api's one cuts both paths, though three findings are on them",
            [At(1, "tcp://web.shop.test:443", "nmap"), At(2, "https://www.shop.test/login#q", "zap"), At(3, "tcp://10.0.0.7:8080")],
            [
                "internet → https://www.shop.test → #2 → shop/web → 10.0.0.7:8080/tcp → #3 → shop/api → orders-db",
                "internet → web.shop.test:443/tcp → #1 → shop/web → 10.0.0.7:8080/tcp → #3 → shop/api → orders-db",
            ],
            [3]
        },
        {
            "three findings on the api (one from ctem discover) and one on the exposed web: the web's one is the cut",
            [At(1, "tcp://web.shop.test:443"), At(2, "tcp://10.0.0.7:8080"), At(3, "tcp://10.0.0.7:8080", "zap"), At(4, "tcp://10.0.0.9:22", "ctem-discover")],
            [
                "internet → web.shop.test:443/tcp → #1 → shop/web → 10.0.0.7:8080/tcp → #2 → shop/api → orders-db",
                "internet → web.shop.test:443/tcp → #1 → shop/web → 10.0.0.7:8080/tcp → #3 → shop/api → orders-db",
                "internet → web.shop.test:443/tcp → #1 → shop/web → 10.0.0.9:22/tcp → #4 → shop/api → orders-db",
            ],
            [1]
        },
        {
            "the admin console from the partner network",
            [At(5, "https://admin.shop.test/login")],
            ["partner → https://admin.shop.test → #5 → shop/admin → orders-db"],
            [5]
        },
        {
            "a component finding is on every deployment: its api step is reached only through its web step",
            [Network(6)],
            [
                "internet → #6 → shop/web → #6 → shop/api → orders-db",
                "partner → #6 → shop/admin → orders-db",
            ],
            [6]
        },
        {
            "an open port and a finding on an endpoint no target covers are no steps",
            [At(7, "tcp://web.shop.test:443", "nmap", "info"), At(8, "tcp://192.0.2.1:443")],
            [],
            []
        },
    };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void Of_EndpointTopology_FindsEveryPathAndTheMinimumCut(string because, StoredFinding[] findings, string[] paths, long[] cut)
    {
        var analysis = PathAnalysis.Of(Build(Tiers, findings));

        Assert.True(paths.Order().SequenceEqual(analysis.Paths.Select(Trail).Order()), $"{because}: {string.Join(" | ", analysis.Paths.Select(Trail))}");
        Assert.Equal(cut, analysis.Cut.Findings);
        Assert.True(analysis.Cut.Optimal, because);
    }

    [Fact]
    public void Build_Endpoints_AreNodesOnTheDeploymentsTheirTargetsCover()
    {
        var graph = Build(Tiers, [At(1, "tcp://web.shop.test:443", "nmap"), At(2, "tcp://web.shop.test:443", "nuclei"), At(8, "tcp://192.0.2.1:443")]);

        var endpoints = graph.Nodes.Where(n => n.Kind == NodeKinds.Endpoint).ToDictionary(n => n.Name);
        Assert.Equal(["192.0.2.1:443/tcp", "web.shop.test:443/tcp"], endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("nmap, nuclei", endpoints["web.shop.test:443/tcp"].FoundIn);
        Assert.Equal("none: no deployment's targets cover it", endpoints["192.0.2.1:443/tcp"].Facts["deployment"]);
        var serves = Assert.Single(graph.Edges, e => e.Kind == EdgeKinds.Serves);
        Assert.Equal(("deployment:shop/web", "endpoint:tcp://web.shop.test:443"), (serves.From, serves.To));
        Assert.Contains("its targets cover web.shop.test:443/tcp (web.shop.test:443)", serves.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoDeploymentDeclaresTargets_PutsEndpointsOnEveryDeployment()
    {
        var scope = Tiers.Replace("targets: [\"web.shop.test:443\", \"https://www.shop.test\"]", "customers: anyone", StringComparison.Ordinal)
            .Replace("targets: [\"10.0.0.0/24\"]", "customers: staff", StringComparison.Ordinal)
            .Replace("targets: [admin.shop.test]", "customers: partners", StringComparison.Ordinal);

        var graph = Build(scope, [At(1, "tcp://192.0.2.1:443")]);

        Assert.Equal(
            ["deployment:shop/admin", "deployment:shop/api", "deployment:shop/web"],
            graph.Edges.Where(e => e.Kind == EdgeKinds.Serves).Select(e => e.From).Order(StringComparer.Ordinal));
    }

    public static TheoryData<long[][], int, long[]?> HittingSets => new()
    {
        { [[1, 2], [2, 3], [1, 3]], 3, [1, 2] },
        { [[1], [2]], 2, [] },
        { [[1, 2, 3], [1]], 2, [1] },
        { [[1, 2, 3], [1]], 1, [] },
        { [[1, 2], [1, 3], [1, 4]], 3, [1] },
    };

    [Theory]
    [MemberData(nameof(HittingSets))]
    public void SmallestHittingSet_Below_FindsTheLeastOrProvesThereIsNone(long[][] paths, int below, long[]? expected)
    {
        Assert.Equal(expected, SmallestHittingSet.Below([.. paths.Select(p => (IReadOnlyList<long>)p)], below));
    }
}
