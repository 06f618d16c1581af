using Ctem.Core.Model;
using Ctem.Engine.Graph;
using Xunit;
using static Ctem.Engine.Tests.Graph.GraphSamples;

namespace Ctem.Engine.Tests.Graph;

/// <summary>Attack paths and minimum cuts on hand-built topologies whose answers are worked out by hand.</summary>
public sealed class AttackPathTests
{
    private const string WebToDb = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [orders-db]
        data:
          - name: orders-db
            classification: restricted
            crownJewel: true
        """;

    // web (internet) → api (internal) → orders-db: the api is reachable from the internal network too.
    private const string Chain = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [shop/api]
              - name: api
                environment: production
                connects: [orders-db]
        data:
          - name: orders-db
            crownJewel: true
        """;

    // The web talks to the payment provider directly; its key also sits in the code.
    private const string Payments = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [payments]
        integrations:
          - name: payments
            kind: api
            endpoint: https://api.stripe.com
            data: [card-data]
        data:
          - name: card-data
            classification: restricted
            crownJewel: true
        """;

    // The same, except the web does not talk to the provider: only the leaked key opens it.
    private const string KeyOnly = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
        integrations:
          - name: payments
            endpoint: https://api.stripe.com
            data: [card-data]
        data:
          - name: card-data
            crownJewel: true
        """;

    public static TheoryData<string, string, StoredFinding[], string[], long[]> Topologies => new()
    {
        {
            "one network finding on an exposed deployment; a local one is no step",
            WebToDb, [Network(1), Local(2)],
            ["internet → #1 → shop/web → orders-db"], [1]
        },
        {
            "two network findings in parallel: both must be fixed",
            WebToDb, [Network(1), Network(2)],
            ["internet → #1 → shop/web → orders-db", "internet → #2 → shop/web → orders-db"], [1, 2]
        },
        {
            "validated evidence is a step without a CVSS vector",
            WebToDb, [Validated(7)],
            ["internet → #7 → shop/web → orders-db"], [7]
        },
        {
            "a chain through an internal deployment: one finding on both steps",
            Chain, [Network(1)],
            ["internal → #1 → shop/api → orders-db", "internet → #1 → shop/web → #1 → shop/api → orders-db"], [1]
        },
        {
            "a leaked key and two network findings: fix these 3 findings to cut all 5 paths",
            Payments, [Network(1), Network(2), Secret(3, "stripe-access-token", "deploy.sh")],
            [
                "ci → #3 → payments → card-data",
                "internet → #1 → shop/web → payments → card-data",
                "internet → #2 → shop/web → payments → card-data",
                "internet → #1 → shop/web → #3 → payments → card-data",
                "internet → #2 → shop/web → #3 → payments → card-data",
            ],
            [1, 2, 3]
        },
        {
            "the key is the choke point: fixing it alone cuts all 3 paths",
            KeyOnly, [Network(1), Network(2), Secret(3, "stripe-access-token", "deploy.sh")],
            ["ci → #3 → payments → card-data", "internet → #1 → shop/web → #3 → payments → card-data", "internet → #2 → shop/web → #3 → payments → card-data"],
            [3]
        },
        {
            "a secret for another provider opens nothing",
            KeyOnly, [Network(1), Secret(3, "github-pat", "deploy.sh")],
            [], []
        },
        {
            "no network finding: no path",
            WebToDb, [Local(2)],
            [], []
        },
    };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void Of_Topology_FindsEveryPathAndTheMinimumCut(string because, string scope, StoredFinding[] findings, string[] paths, long[] cut)
    {
        var analysis = PathAnalysis.Of(Build(scope, findings));

        Assert.True(paths.Order().SequenceEqual(analysis.Paths.Select(Trail).Order()), $"{because}: {string.Join(" | ", analysis.Paths.Select(Trail))}");
        Assert.Equal(cut, analysis.Cut.Findings);
        Assert.True(analysis.Cut.Optimal, because);
        Assert.Equal((paths.Length, 0), (analysis.Cut.PathsCut, analysis.Cut.Uncuttable));
    }

    [Fact]
    public void Of_ToOneCrownJewel_KeepsOnlyItsPathsAndCut()
    {
        var scope = Payments + "\n  - name: orders-db\n    crownJewel: true\n";
        var graph = Build(scope.Replace("connects: [payments]", "connects: [payments, orders-db]", StringComparison.Ordinal), [Network(1), Secret(3, "stripe-access-token", "deploy.sh")]);

        var all = PathAnalysis.Of(graph);
        var toDb = PathAnalysis.Of(graph, "orders-db");

        Assert.Equal(["card-data", "orders-db"], all.Paths.Select(p => p.To).Distinct().Order());
        Assert.Equal(["internet → #1 → shop/web → orders-db"], toDb.Paths.Select(Trail));
        Assert.Equal([1L], toDb.Cut.Findings);
    }

    [Fact]
    public void Of_Paths_AreMostLikelyFirstAndChokePointsCountThem()
    {
        var analysis = PathAnalysis.Of(Build(KeyOnly, [Network(1), Network(2), Secret(3, "stripe-access-token", "deploy.sh")]));

        // The key alone (0.8) beats the web's finding (0.5, half the CVSS exploitability 1) then the key (0.8): 0.4.
        Assert.Equal([0.8, 0.4, 0.4], analysis.Paths.Select(p => Math.Round(p.Likelihood, 4)));
        Assert.Equal(("secret", "stripe-access-token in deploy.sh", 3), (analysis.ChokePoints[0].Node.Kind, analysis.ChokePoints[0].Node.Name, analysis.ChokePoints[0].Paths));
    }

    [Fact]
    public void Of_NoCrownJewel_HasNoPathAndAnEmptyOptimalCut()
    {
        var analysis = PathAnalysis.Of(Build(WebToDb.Replace("crownJewel: true", "crownJewel: false", StringComparison.Ordinal), [Network(1)]));

        Assert.Empty(analysis.Paths);
        Assert.Empty(analysis.Cut.Findings);
        Assert.True(analysis.Cut.Optimal);
    }
}
