using System.Net;
using System.Text;
using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>Every endpoint × every role (and none) × the caller's own team's data and another team's.</summary>
public sealed class AccessTests(SharedApi api) : IClassFixture<SharedApi>
{
    private static readonly string[] Ranks = ["reader", "writer", "admin"];

    /// <summary>Method, path ({product} and {finding} are the own or the other team's), body, least role, whether the path names a team's data, the status on success.</summary>
    private static readonly (string Method, string Path, string? Body, string Role, bool TeamScoped, HttpStatusCode Success)[] Endpoints =
    [
        ("GET", "/api/v1/products", null, "reader", false, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}", null, "reader", true, HttpStatusCode.OK),
        ("POST", "/api/v1/products/{product}/scans", "sbom", "writer", true, HttpStatusCode.OK),
        ("POST", "/api/v1/products/{product}/reports?format-in=trivy/json", "report", "writer", true, HttpStatusCode.OK),
        ("GET", "/api/v1/findings", null, "reader", false, HttpStatusCode.OK),
        ("GET", "/api/v1/findings?product={product}", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/findings/{finding}", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/findings/{finding}/explanation", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/findings/{finding}/history", null, "reader", true, HttpStatusCode.OK),
        ("POST", "/api/v1/findings/{finding}/triage", """{"state":"under_investigation","detail":"looking"}""", "writer", true, HttpStatusCode.OK),
        ("POST", "/api/v1/findings/{finding}/assign", """{"to":"payments-backend"}""", "writer", true, HttpStatusCode.OK),
        ("POST", "/api/v1/findings/{finding}/accept", """{"reason":"internal tool","until":"{until}"}""", "writer", true, HttpStatusCode.OK),
        ("POST", "/api/v1/products/{product}/vex", "vex", "writer", true, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}/vex", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}/vex?format=csaf&release=1.0", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}/vex/suggestions", null, "reader", true, HttpStatusCode.OK),
        ("POST", "/api/v1/products/{product}/vex/suggestions/apply", null, "writer", true, HttpStatusCode.OK),
        ("GET", "/api/v1/plan", null, "reader", false, HttpStatusCode.OK),
        ("GET", "/api/v1/plan?product={product}&format=markdown", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}/history", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/products/{product}/diff", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/sla", null, "reader", false, HttpStatusCode.OK),
        ("GET", "/api/v1/sla?product={product}", null, "reader", true, HttpStatusCode.OK),
        ("GET", "/api/v1/knowledge", null, "reader", false, HttpStatusCode.OK),
        ("GET", "/api/v1/tokens", null, "admin", false, HttpStatusCode.OK),
        ("POST", "/api/v1/tokens", """{"team":"audit","role":"reader"}""", "admin", false, HttpStatusCode.Created),
        ("DELETE", "/api/v1/tokens/999", null, "admin", false, HttpStatusCode.NotFound),
        ("GET", "/api/v1/teams", null, "admin", false, HttpStatusCode.OK),
    ];

    public static TheoryData<Dialect, int, string?, bool> Cases()
    {
        var cases = new TheoryData<Dialect, int, string?, bool>();
        foreach (var dialect in Enum.GetValues<Dialect>())
        {
            for (var endpoint = 0; endpoint < Endpoints.Length; endpoint++)
            {
                foreach (var role in new string?[] { null, "reader", "writer", "admin" })
                {
                    foreach (var ownTeam in new[] { true, false })
                    {
                        cases.Add(dialect, endpoint, role, ownTeam);
                    }
                }
            }
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersByRoleAndTeam(Dialect dialect, int endpoint, string? role, bool ownTeam)
    {
        var (method, path, body, least, teamScoped, success) = Endpoints[endpoint];
        if (body is "report" or "vex")
        {
            RepoPaths.RequireShared();
        }

        var fixture = await api.ForAsync(dialect);
        var product = ownTeam ? ApiFixture.OwnProduct : ApiFixture.OtherProduct;
        var finding = await FirstFindingAsync(fixture, product);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{product}", product, StringComparison.Ordinal).Replace("{finding}", finding, StringComparison.Ordinal));
        request.Content = body switch
        {
            null => null,
            "sbom" => new ByteArrayContent(await File.ReadAllBytesAsync(ApiFixture.DemoSbom)),
            "report" => new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.SharedData("scanners", "trivy", "trivy-integration__alpine-310.json"))),
            "vex" => new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.SharedData("scanners", "openvex", "defectdojo__openvex_one_vuln.json"))),
            // Within the scope file's acceptance policy from the server's clock, whenever the tests run.
            _ => new StringContent(body.Replace("{until}", TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        using var client = fixture.Client(role);

        using var response = await client.SendAsync(request);

        var expected = role is null ? HttpStatusCode.Unauthorized
            : Array.IndexOf(Ranks, role) < Array.IndexOf(Ranks, least) ? HttpStatusCode.Forbidden
            : teamScoped && !ownTeam ? HttpStatusCode.NotFound
            : success;
        var content = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {request.RequestUri} as {role ?? "nobody"}: expected {expected}, got {response.StatusCode}: {content}");
        if (response.StatusCode >= HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.DoesNotContain(ApiFixture.OtherProduct, ownTeam ? content : "", StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(Dialect.Sqlite)]
    [InlineData(Dialect.Postgres)]
    public async Task Lists_HoldOnlyTheTeamsProducts(Dialect dialect)
    {
        var fixture = await api.ForAsync(dialect);

        foreach (var (team, product) in new[] { (ApiFixture.OwnTeam, ApiFixture.OwnProduct), (ApiFixture.OtherTeam, ApiFixture.OtherProduct) })
        {
            using var client = fixture.Client("reader", team);
            var products = JsonDocument.Parse(await client.GetStringAsync("/api/v1/products")).RootElement.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("name").GetString());
            var findings = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings?limit=1000&status=all")).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("product").GetString()).Distinct();
            var sla = JsonDocument.Parse(await client.GetStringAsync("/api/v1/sla")).RootElement.GetProperty("compliance").GetProperty("products").EnumerateArray().Select(p => p.GetProperty("name").GetString());

            Assert.Equal([product], products);
            Assert.Equal([product], findings);
            Assert.Equal([product], sla);
        }
    }

    [SkippableTheory]
    [InlineData(Dialect.Sqlite, "Bearer ctem_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(Dialect.Sqlite, "Basic dXNlcjpwYXNz")]
    [InlineData(Dialect.Sqlite, "Bearer ")]
    [InlineData(Dialect.Postgres, "Bearer not-a-ctem-token")]
    public async Task AnyOtherAuthorization_IsUnauthorized(Dialect dialect, string authorization)
    {
        var fixture = await api.ForAsync(dialect);
        using var client = fixture.Client(role: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [SkippableFact]
    public async Task RevokedToken_IsUnauthorizedAtOnce()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        var secret = (await fixture.CliAsync("token", "create", "--team", ApiFixture.OwnTeam, "--role", "reader")).Trim();
        using var client = fixture.Client(role: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        var id = JsonDocument.Parse(await fixture.CliAsync("token", "list", "--format", "json")).RootElement.GetProperty("tokens").EnumerateArray().Last().GetProperty("id").GetInt64();

        await fixture.CliAsync("token", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/products")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndOpenApi_NeedNoToken(string path)
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client(role: null);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> FirstFindingAsync(ApiFixture fixture, string product)
    {
        var json = await fixture.CliAsync("findings", "--product", product, "--format", "json");
        return JsonDocument.Parse(json).RootElement.GetProperty("findings")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
