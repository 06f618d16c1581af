using Ctem.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>The OpenAPI document the server serves is the one committed (docs/openapi/v1.json), and it is valid OpenAPI 3.1.</summary>
public sealed class OpenApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static string Committed => Path.Combine(RepoPaths.Root, "docs", "openapi", "v1.json");

    [SkippableFact]
    public async Task Served_IsTheCommittedDocument()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client(role: null);

        var served = (await client.GetStringAsync("/openapi/v1.json")).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

        if (Environment.GetEnvironmentVariable("CTEM_UPDATE_GOLDEN") == "1")
        {
            Assert.False(Prerequisite.InCi, "CTEM_UPDATE_GOLDEN=1 rewrites golden files instead of comparing them; CI must compare them");
            Directory.CreateDirectory(Path.GetDirectoryName(Committed)!);
            await File.WriteAllTextAsync(Committed, served);
            return;
        }

        Assert.True(File.Exists(Committed), $"{Committed} is missing; run the tests with CTEM_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(await File.ReadAllTextAsync(Committed), served);
    }

    [Fact]
    public async Task Committed_IsValidOpenApi31_WithEveryArea()
    {
        await using var stream = File.OpenRead(Committed);
        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        var document = result.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        string[] paths =
        [
            "/api/v1/products", "/api/v1/products/{product}", "/api/v1/products/{product}/scans", "/api/v1/products/{product}/reports",
            "/api/v1/findings", "/api/v1/findings/{id}", "/api/v1/findings/{id}/explanation", "/api/v1/findings/{id}/history",
            "/api/v1/products/{product}/history", "/api/v1/products/{product}/diff", "/api/v1/sla", "/api/v1/knowledge",
            "/api/v1/products/{product}/graph", "/api/v1/products/{product}/paths",
            "/api/v1/tokens", "/api/v1/tokens/{id}", "/api/v1/teams",
            "/api/v1/findings/{id}/triage", "/api/v1/findings/{id}/accept", "/api/v1/findings/{id}/assign", "/api/v1/products/{product}/vex",
            "/api/v1/products/{product}/vex/suggestions", "/api/v1/products/{product}/vex/suggestions/apply", "/api/v1/plan",
        ];
        Assert.Equal(paths.Order(StringComparer.Ordinal), document.Paths.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("bearer", document.Components!.SecuritySchemes!.Keys);
    }
}
