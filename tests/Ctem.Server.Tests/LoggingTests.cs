using System.Text;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>Tokens and request bodies never reach the logs, whatever the level.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_HoldNeitherTokensNorBodies()
    {
        await using var fixture = await ApiFixture.CreateAsync(Dialect.Sqlite);
        const string BodyMarker = "body-marker-9f2c";
        var writer = fixture.Tokens[(ApiFixture.OwnTeam, "writer")];
        var bogus = "ctem_bogus-token-marker-1234567890";
        using (var client = fixture.Client("writer"))
        {
            await client.GetAsync("/api/v1/products");
            await client.PostAsync($"/api/v1/products/{ApiFixture.OwnProduct}/scans", new StringContent($"{{\"{BodyMarker}\": 1}}", Encoding.UTF8, "application/json"));
            await client.PostAsync($"/api/v1/products/{ApiFixture.OwnProduct}/reports", new StringContent($"{{\"{BodyMarker}\": 2}}", Encoding.UTF8, "application/json"));
        }

        using (var client = fixture.Client(role: null))
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bogus);
            await client.GetAsync("/api/v1/findings");
        }

        var logs = string.Join('\n', fixture.Logs);
        Assert.Contains("/api/v1/products", logs, StringComparison.Ordinal);
        Assert.Contains("bearer token is unknown, revoked or expired", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(writer, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(writer["ctem_".Length..][..12], logs, StringComparison.Ordinal);
        Assert.DoesNotContain("bogus-token-marker", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(BodyMarker, logs, StringComparison.Ordinal);
    }
}
