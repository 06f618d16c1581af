using System.Net;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>The API's graph and paths are the CLI's bytes, for the team's own products only.</summary>
public sealed class GraphApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    public static TheoryData<Dialect, string, string> Reads => new()
    {
        { Dialect.Sqlite, "graph", "json" },
        { Dialect.Sqlite, "graph", "dot" },
        { Dialect.Sqlite, "graph", "mermaid" },
        { Dialect.Sqlite, "paths", "json" },
        { Dialect.Sqlite, "paths", "markdown" },
        { Dialect.Postgres, "graph", "json" },
        { Dialect.Postgres, "paths", "json" },
    };

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task GraphAndPaths_AreTheCliBytes(Dialect dialect, string command, string format)
    {
        var fixture = await api.ForAsync(dialect);
        using var client = fixture.Client("reader");

        var cli = await fixture.CliAsync(command, "--product", ApiFixture.OwnProduct, "--format", format);
        var served = await client.GetStringAsync($"/api/v1/products/{ApiFixture.OwnProduct}/{command}?format={format}");

        Assert.Equal(cli, served);
    }

    [SkippableTheory]
    [InlineData("graph", "", HttpStatusCode.NotFound)]
    [InlineData("paths", "", HttpStatusCode.NotFound)]
    [InlineData("paths", "?top=0", HttpStatusCode.BadRequest)]
    [InlineData("graph", "?format=svg", HttpStatusCode.BadRequest)]
    public async Task OtherTeamsProductOrBadQuery_IsRefused(string command, string query, HttpStatusCode status)
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("reader");

        var product = status == HttpStatusCode.NotFound ? ApiFixture.OtherProduct : ApiFixture.OwnProduct;
        var response = await client.GetAsync($"/api/v1/products/{product}/{command}{query}");

        Assert.Equal(status, response.StatusCode);
    }
}
