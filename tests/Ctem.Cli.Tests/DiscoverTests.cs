using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary><c>ctem discover</c> from the command line, against loopback only (127.0.0.0/8) and never a DNS name.</summary>
public sealed class DiscoverTests
{
    [Fact]
    public async Task Discover_DryRun_PrintsThePlanAsJsonAndOpensNoDatabase()
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:2222\", \"127.0.0.2:22\", \"http://127.0.0.1:8080/app\"]}]\nscope: {allow: [127.0.0.1]}");

        var result = await fixture.RunAsync("discover", "--dry-run", "--scope", scope, "--format", "json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var json = JsonNode.Parse(result.Stdout)!;
        var host = Assert.Single(json["plan"]!.AsArray())!;
        Assert.Equal(("127.0.0.1", "[2222,8080]", "[\"http://127.0.0.1:8080/app\"]"), ((string?)host["address"], host["ports"]!.ToJsonString(), host["urls"]!.ToJsonString()));
        Assert.Equal(["127.0.0.2:22 (lab): 1 of 1 port(s) of 127.0.0.2 refused: 127.0.0.2:22: outside scope.allow"], json["refused"]!.AsArray().Select(r => (string)r!));
        Assert.True((bool)json["dryRun"]!);
        Assert.False(File.Exists(fixture.Database));
    }

    [Fact]
    public async Task Discover_BannerService_StoresTheOpenPortAsAnEndpointFinding()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync("SSH-2.0-OpenSSH_9.6p1\r\n"u8.ToArray());
            await Task.Delay(500);
        });
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", $"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}}]\nscope: {{allow: [127.0.0.0/8]}}");

        var result = await fixture.RunAsync("discover", "--scope", scope);
        await serving;
        var findings = await fixture.RunAsync("findings", "--product", "shop", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 open port(s) of 1 tried on 1 address(es); 1 connection(s).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("source 'ctem-discover:shop'", result.Stdout, StringComparison.Ordinal);
        var finding = Assert.Single(JsonNode.Parse(findings.Stdout)!["findings"]!.AsArray())!;
        Assert.Equal(($"tcp://127.0.0.1:{port}", "nmap:open-port", "9.6p1"), ((string?)finding["component"]!["purl"], (string?)finding["vulnerability"]!["id"], (string?)finding["component"]!["version"]));
    }

    [Fact]
    public async Task Discover_DistributionBanner_JsonNamesTheFingerprintsCpeAndBuild()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync("SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5\r\n"u8.ToArray());
            await Task.Delay(500);
        });
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", $"products:\n  - name: shop\n    deployments: [{{name: lab, environment: test, targets: [\"127.0.0.1:{port}\"]}}]\nscope: {{allow: [127.0.0.1]}}");

        var result = await fixture.RunAsync("discover", "--scope", scope, "--format", "json");
        await serving;

        Assert.Equal(0, result.ExitCode);
        var fingerprint = JsonNode.Parse(result.Stdout)!["services"]![0]!["fingerprints"]![0]!;
        Assert.Equal(("cpe:2.3:a:openbsd:openssh:8.2:p1:*:*:*:*:*:*", "Ubuntu-4ubuntu0.5"), ((string?)fingerprint["cpe"], (string?)fingerprint["build"]));
    }

    public static TheoryData<string, string[], string> Refusals => new()
    {
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.1:22\"]}]", [], "no scope.allow" },
        { "products:\n  - name: shop\n    deployments: [{name: lab, environment: test, targets: [\"127.0.0.2:22\"]}]\nscope: {allow: [127.0.0.1]}", [], "no deployment target is inside scope.allow" },
        { "products: []\nscope: {allow: [127.0.0.1]}", ["--ports", "22-"], "--ports: '22-' is not a port" },
        { "products: []\nscope: {allow: [127.0.0.1]}", ["--rate", "0"], "--rate is 1 to 10000" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Discover_NothingItMayContact_IsAUsageErrorSayingWhy(string yaml, string[] options, string message)
    {
        using var fixture = new CliFixture();
        var scope = fixture.File("ctem.yaml", yaml);

        var result = await fixture.RunAsync(["discover", "--scope", scope, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
