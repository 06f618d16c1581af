using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace Ctem.Cli.Tests.Graph;

/// <summary>What <c>ctem discover</c> finds open (on loopback only) is an endpoint of the deployment whose targets cover it.</summary>
public sealed class DiscoveredEndpointTests
{
    [Fact]
    public async Task Graph_AfterDiscover_HasTheOpenPortAsAnEndpointOfItsDeployment()
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
        var scope = fixture.File("ctem.yaml", $$"""
            products:
              - name: shop
                deployments:
                  - {name: lab, environment: test, reachableFrom: [partner], targets: ["127.0.0.1:{{port}}"]}
                  - {name: office, environment: production, targets: ["127.0.0.2"]}
            scope: {allow: [127.0.0.1]}
            """);

        Assert.Equal(0, (await fixture.RunAsync("discover", "--scope", scope)).ExitCode);
        await serving;
        var result = await fixture.RunAsync("graph", "--product", "shop", "--format", "json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var json = JsonDocument.Parse(result.Stdout);
        var endpoint = json.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "endpoint");
        Assert.Equal(($"127.0.0.1:{port}/tcp", "ctem-discover"), (endpoint.GetProperty("name").GetString(), endpoint.GetProperty("foundIn").GetString()));
        var edges = json.RootElement.GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("to").GetString() == endpoint.GetProperty("key").GetString())
            .Select(e => $"{e.GetProperty("from").GetString()} {e.GetProperty("kind").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["deployment:shop/lab serves", "entry:partner reaches"], edges);
    }
}
