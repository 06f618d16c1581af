using System.IO.Compression;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Graph;

/// <summary>
/// <c>ctem graph</c> and <c>ctem paths</c> on real data: CycloneDX's SaaSBOM example (services behind an API gateway),
/// a Trivy report with network CVSS vectors and Trivy's secret-scanning fixture (an AWS key in deploy.sh), with a scope
/// file that puts the product on the internet and marks its databases and an S3 export crown jewels.
/// </summary>
public sealed class GraphCommandTests
{
    private const string Scope = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [shop/api, payments]
              - name: api
                environment: production
                connects: [orders-db]
        integrations:
          - name: payments
            kind: api
            endpoint: https://api.payments.example
            data: [card-data]
          - name: aws-exports
            kind: saas
            endpoint: https://s3.amazonaws.com
            data: [exports]
        data:
          - name: orders-db
            classification: restricted
            crownJewel: true
          - name: card-data
            classification: restricted
            crownJewel: true
          - name: exports
            classification: confidential
            crownJewel: true
          - name: Postgres
            classification: restricted
            crownJewel: true
        """;

    [SkippableTheory]
    [InlineData("json", "graph.json")]
    [InlineData("dot", "graph.dot")]
    [InlineData("mermaid", "graph.mmd")]
    public async Task Graph_Format_MatchesGolden(string format, string golden)
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("graph", "--product", "shop", "--format", format);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(fixture.Redact(result.Stdout), golden);
    }

    [SkippableTheory]
    [InlineData("json", "paths.json")]
    [InlineData("markdown", "paths.md")]
    public async Task Paths_Format_MatchesGolden(string format, string golden)
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("paths", "--product", "shop", "--format", format, "--top", "5");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(fixture.Redact(result.Stdout), golden);
    }

    [SkippableFact]
    public async Task Paths_Table_SaysWhatToFixFirst()
    {
        using var fixture = await ShopAsync();

        var result = await CliRun.RunAtWidthAsync(120, "paths", "--to", "exports", "--db", fixture.Database);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.StartsWith("shop: fix this finding (#3) to cut all 9 path(s) to exports; a minimum cut: no smaller set does\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Golden.Verify(result.Stdout, "paths-exports-120.txt");
    }

    [SkippableFact]
    public async Task Paths_JsonContract_HasTheIssuesFields()
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("paths", "--product", "shop", "--to", "exports", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var path = json.RootElement.GetProperty("paths")[0];
        Assert.Equal(("ci", "exports", 0.8), (path.GetProperty("from").GetString(), path.GetProperty("to").GetString(), path.GetProperty("likelihood").GetDouble()));
        Assert.Equal(["entry:ci", "secret:aws-access-key-id in deploy.sh", "integration:aws-exports", "data:exports"], path.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("kind").GetString()}:{n.GetProperty("name").GetString()}"));
        Assert.Equal([3L], path.GetProperty("findings").EnumerateArray().Select(f => f.GetInt64()));
        var cut = json.RootElement.GetProperty("cut");
        Assert.Equal([3L], cut.GetProperty("findings").EnumerateArray().Select(f => f.GetInt64()));
        Assert.True(cut.GetProperty("optimal").GetBoolean());
    }

    [SkippableFact]
    public async Task Paths_UnknownCrownJewel_IsUsageErrorNamingTheCrownJewels()
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("paths", "--to", "payroll");

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("ctem: 'payroll' is not a crown jewel of shop (crown jewels: Postgres, card-data, exports, orders-db)\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [SkippableTheory]
    [InlineData("integrations", "table", "inventory-integrations-160.txt")]
    [InlineData("secrets", "json", "inventory-secrets.json")]
    [InlineData("services", "json", "inventory-services.json")]
    [InlineData("components", "table", "inventory-components-160.txt")]
    public async Task Inventory_Kind_SaysWhereEachWasFound(string kind, string format, string golden)
    {
        using var fixture = await ShopAsync();

        var result = await CliRun.RunAtWidthAsync(160, "inventory", "--product", "shop", "--kind", kind, "--format", format, "--db", fixture.Database);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(fixture.Redact(result.Stdout), golden);
    }

    [SkippableFact]
    public async Task Inventory_Integrations_AnswerWhichSecretsOpenThem()
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("inventory", "--product", "shop", "--kind", "integrations", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var aws = json.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "aws-exports").GetProperty("details");
        Assert.Equal("aws-access-key-id in deploy.sh", aws.GetProperty("opened by").GetString());
        Assert.Equal("exports", aws.GetProperty("holds").GetString());
    }

    // The risk factor both ways: the network finding is on paths to the crown jewels, the secret no integration takes is on none.
    [SkippableTheory]
    [InlineData(1, "on 20 attack path(s)", 1.0)]
    [InlineData(4, "on no attack path", 0.75)]
    public async Task Findings_AttackPathFactor_ExplainsWhereTheFindingStands(long id, string value, double level)
    {
        using var fixture = await ShopAsync();

        var result = await fixture.RunAsync("findings", "--product", "shop", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == id);
        var factor = finding.GetProperty("risk").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "attackPath");
        Assert.Equal((value, level), (factor.GetProperty("value").GetString(), factor.GetProperty("level").GetDouble()));
    }

    [Fact]
    public async Task Graph_ProductNeverScanned_IsUsageError()
    {
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync("graph", "--product", "shop");

        Assert.Equal((ExitCodes.Usage, "ctem: no product named 'shop' (none has been scanned yet)\n"), (result.ExitCode, result.Stderr.ReplaceLineEndings("\n")));
    }

    private static async Task<CliFixture> ShopAsync()
    {
        RepoPaths.RequireShared();
        var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", Scope);
        using (var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", "cyclonedx-bom-examples.zip")))
        {
            archive.GetEntry("SaaSBOM/apigateway-microservices-datastores/bom.json")!.ExtractToFile(Path.Combine(fixture.Directory, "saas.cdx.json"));
        }

        Assert.Equal(0, (await fixture.RunAsync("scan", Path.Combine(fixture.Directory, "saas.cdx.json"), "--product", "shop", "--scope", scope)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "trivy", "defectdojo__cvss_severity_source.json"), "--product", "shop", "--scope", scope)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "trivy", "trivy-integration__secrets.json"), "--product", "shop", "--scope", scope)).ExitCode);
        return fixture;
    }
}
