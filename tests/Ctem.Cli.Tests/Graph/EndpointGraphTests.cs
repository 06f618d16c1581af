using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Graph;

/// <summary>
/// Endpoints from real nuclei, ZAP and Nmap reports become nodes on the deployment whose targets cover them: the web's
/// (nuclei-example.com, mainsite.com) from the internet, the api's (192.168.0.1, the Nmap vulners scan) behind it.
/// </summary>
public sealed class EndpointGraphTests
{
    private const string Scope = """
        products:
          - name: shop
            deployments:
              - name: web
                environment: production
                internetFacing: true
                connects: [shop/api]
                targets: ["https://nuclei-example.com", mainsite.com]
              - name: api
                environment: production
                reachableFrom: REACHABLE
                connects: [orders-db]
                targets: [192.168.0.0/24]
        data:
          - name: orders-db
            crownJewel: true
        """;

    private static readonly string[] Reports =
    [
        Path.Combine("nuclei", "defectdojo__many_findings.json"),
        Path.Combine("zap", "defectdojo__0_zap_sample.xml"),
        Path.Combine("nmap", "defectdojo__nmap_multiple_port.xml"),
        Path.Combine("nmap", "defectdojo__nmap_script_vulners.xml"),
    ];

    [SkippableFact]
    public async Task Graph_ScannedEndpoints_AreOnTheDeploymentsTheirTargetsCover()
    {
        using var fixture = await IngestAsync("[]");

        var result = await fixture.RunAsync("graph", "--product", "shop", "--format", "json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var names = json.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("key").GetString()!, n => n.GetProperty("name").GetString()!);
        var serves = json.RootElement.GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "serves")
            .Select(e => $"{names[e.GetProperty("from").GetString()!]} → {names[e.GetProperty("to").GetString()!]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["shop/api → 192.168.0.1:5022/tcp", "shop/web → https://mainsite.com", "shop/web → https://nuclei-example.com"], serves);
        var unplaced = json.RootElement.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "endpoint" && n.GetProperty("facts").TryGetProperty("deployment", out _))
            .Select(n => n.GetProperty("name").GetString());
        Assert.Contains("198.38.82.159:3306/tcp", unplaced);
        Assert.Contains("nuclei-example.com:22/tcp", unplaced);
    }

    // Eleven findings on the web, two on the api: the cut takes the api's two, whichever entry points reach it.
    [SkippableTheory]
    [InlineData("[]", new[] { "internet" })]
    [InlineData("[partner]", new[] { "internet", "partner" })]
    public async Task Paths_ScannedEndpoints_CutAtTheApisTwoFindings(string reachableFrom, string[] from)
    {
        using var fixture = await IngestAsync(reachableFrom);

        var result = await fixture.RunAsync("paths", "--product", "shop", "--format", "json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var paths = json.RootElement.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(from, paths.Select(p => p.GetProperty("from").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(paths, p => Assert.Equal("orders-db", p.GetProperty("to").GetString()));
        var onPaths = paths.SelectMany(p => p.GetProperty("findings").EnumerateArray().Select(f => f.GetInt64())).Distinct().Count();
        var cut = json.RootElement.GetProperty("cut");
        var findings = await FindingNamesAsync(fixture);
        Assert.Equal(["CVE-2017-15906", "CVE-2018-15919"], cut.GetProperty("findings").EnumerateArray().Select(f => findings[f.GetInt64()]).Order(StringComparer.Ordinal));
        Assert.True(cut.GetProperty("optimal").GetBoolean());
        Assert.Equal(13, onPaths);
    }

    // Endpoints drawn as parallelograms; the partner network and the internet both reach the api's endpoint.
    [SkippableTheory]
    [InlineData("mermaid", "graph-endpoints.mmd")]
    [InlineData("dot", "graph-endpoints.dot")]
    public async Task Graph_Format_DrawsEndpoints(string format, string golden)
    {
        using var fixture = await IngestAsync("[partner]", Reports[0], Reports[3]);

        var result = await fixture.RunAsync("graph", "--product", "shop", "--format", format);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Golden.Verify(fixture.Redact(result.Stdout), golden);
    }

    private static async Task<Dictionary<long, string>> FindingNamesAsync(CliFixture fixture)
    {
        using var json = JsonDocument.Parse((await fixture.RunAsync("findings", "--product", "shop", "--format", "json")).Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetInt64(), f => f.GetProperty("vulnerability").GetProperty("id").GetString()!);
    }

    private static async Task<CliFixture> IngestAsync(string reachableFrom, params string[] reports)
    {
        reports = reports.Length == 0 ? Reports : reports;
        RepoPaths.RequireShared();
        var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", Scope.Replace("REACHABLE", reachableFrom, StringComparison.Ordinal));
        var result = await fixture.RunAsync(["ingest", .. reports.Select(r => RepoPaths.SharedData("scanners", r)), "--product", "shop", "--scope", scope]);
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        return fixture;
    }
}
