using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>
/// Triage, VEX, accept, assign and plan through the API are the CLI's bytes: reads on one store, writes on twin stores
/// (the same seed and clock), one written through the API and the other through the CLI with the caller as <c>--by</c>.
/// </summary>
public sealed class DecisionApiTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Product = ApiFixture.OwnProduct;

    public static TheoryData<Dialect, string, string> Reads => new()
    {
        { Dialect.Sqlite, "plan --product harp --format json", "/api/v1/plan?product=harp" },
        { Dialect.Sqlite, "plan --product harp --format markdown", "/api/v1/plan?product=harp&format=markdown" },
        { Dialect.Sqlite, "vex export --product harp", "/api/v1/products/harp/vex" },
        { Dialect.Sqlite, "vex export --product harp --format cyclonedx --release 2.4.0", "/api/v1/products/harp/vex?format=cyclonedx&release=2.4.0" },
        { Dialect.Sqlite, "vex export --product harp --format csaf", "/api/v1/products/harp/vex?format=csaf" },
        { Dialect.Sqlite, "vex suggest --product harp --format json", "/api/v1/products/harp/vex/suggestions" },
        { Dialect.Postgres, "plan --product harp --format json", "/api/v1/plan?product=harp" },
        { Dialect.Postgres, "vex export --product harp --format csaf", "/api/v1/products/harp/vex?format=csaf" },
    };

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task Read_IsTheCliBytes(Dialect dialect, string command, string path)
    {
        var fixture = await api.ForAsync(dialect);
        using var client = fixture.Client("reader");

        var cli = await fixture.CliAsync(command.Split(' '));
        var served = await client.GetStringAsync(path);

        Assert.Equal(cli, served);
    }

    [SkippableFact]
    public async Task Plan_WithoutProduct_CoversOnlyTheTeamsProducts()
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("reader");

        var plan = JsonDocument.Parse(await client.GetStringAsync("/api/v1/plan")).RootElement;

        Assert.NotEmpty(plan.GetProperty("actions").EnumerateArray());
        Assert.All(plan.GetProperty("actions").EnumerateArray(), action => Assert.Equal([Product], action.GetProperty("products").EnumerateArray().Select(p => p.GetString())));
        Assert.All(plan.GetProperty("unplanned").EnumerateArray(), finding => Assert.Equal(Product, finding.GetProperty("product").GetString()));
    }

    public static TheoryData<string, string?, HttpStatusCode, string> BadRequests => new()
    {
        { "/findings/{finding}/triage", """{"state":"ignored"}""", HttpStatusCode.BadRequest, "state 'ignored' is not one of not_affected, affected" },
        { "/findings/{finding}/triage", """{"state":"not_affected","justification":"because"}""", HttpStatusCode.BadRequest, "justification 'because' is not one of" },
        { "/findings/{finding}/triage", """{"state":"not_affected"}""", HttpStatusCode.BadRequest, "not_affected needs --justification or --detail" },
        { "/findings/999999/triage", """{"state":"fixed"}""", HttpStatusCode.NotFound, "no finding has the id 999999" },
        { "/findings/{finding}/accept", """{"reason":"later"}""", HttpStatusCode.BadRequest, "an acceptance needs --until DATE" },
        { "/findings/{finding}/accept", """{"reason":"later","until":"soon"}""", HttpStatusCode.BadRequest, "until 'soon' is not a date (YYYY-MM-DD) or a time (ISO 8601)" },
        { "/findings/{finding}/accept", """{"reason":"later","until":"2099-01-01"}""", HttpStatusCode.BadRequest, "is past the policy's maximum of 45 days (acceptance.maxDays in the scope file)" },
        { "/findings/{finding}/assign", """{"to":" "}""", HttpStatusCode.BadRequest, "to is required" },
        { "/products/harp/vex", "not vex", HttpStatusCode.UnprocessableEntity, "nothing was recorded: the body is not a VEX document Ctem reads" },
        { "/products/harp/vex?format-in=spdx", "{}", HttpStatusCode.BadRequest, "format-in 'spdx' is not a VEX format; one of: " },
        { "/products/nope/vex", "{}", HttpStatusCode.NotFound, "no product named 'nope'" },
        { "/products/harp/vex?format=spdx", null, HttpStatusCode.BadRequest, "format 'spdx' is not one of openvex, cyclonedx, csaf" },
        { "/plan?format=csv", null, HttpStatusCode.BadRequest, "format 'csv' is not one of json, markdown" },
        { "/plan?product=storefront", null, HttpStatusCode.NotFound, "no product named 'storefront'" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_IsAProblemNamingWhatWasWrong_AndRecordsNothing(string path, string? body, HttpStatusCode status, string detail)
    {
        var fixture = await api.ForAsync(Dialect.Sqlite);
        using var client = fixture.Client("writer");
        var finding = (await FindingIdsAsync(fixture))[0];
        var before = await fixture.CliAsync("findings", "--status", "all", "--format", "json");
        var uri = "/api/v1" + path.Replace("{finding}", finding.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = body is null
            ? await client.GetAsync(uri)
            : await client.PostAsync(uri, new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CliAsync("findings", "--status", "all", "--format", "json"));
    }

    [SkippableTheory]
    [InlineData(Dialect.Sqlite)]
    [InlineData(Dialect.Postgres)]
    public async Task Writes_AreTheCliBytes_ByTheCaller(Dialect dialect)
    {
        RepoPaths.RequireShared();
        if (dialect == Dialect.Postgres)
        {
            Prerequisite.Require(PostgresTestDatabase.UnavailableReason);
        }

        var twins = await Task.WhenAll(ApiFixture.CreateAsync(dialect, cliClock: true), ApiFixture.CreateAsync(dialect, cliClock: true));
        await using var served = twins[0];
        await using var typed = twins[1];
        using var client = served.Client("writer");
        var ids = await FindingIdsAsync(typed);
        Assert.Equal(ids, await FindingIdsAsync(served));
        var caller = await CallerAsync(served);
        var vex = RepoPaths.SharedData("scanners", "openvex", "defectdojo__openvex_many_vuln.json");
        var (triaged, accepted, assigned) = (Id(ids[0]), Id(ids[1]), Id(ids[2]));

        (string Cli, string Api)[] writes =
        [
            (
                await typed.CliAsync("triage", triaged, "--state", "not_affected", "--justification", "vulnerable_code_not_in_execute_path", "--detail", "never called", "--by", caller, "--format", "json"),
                await PostAsync(client, $"/api/v1/findings/{triaged}/triage", """{"state":"not_affected","justification":"vulnerable_code_not_in_execute_path","detail":"never called"}""")
            ),
            (
                await typed.CliAsync("accept", accepted, "--reason", "internal tool", "--until", "2026-12-15", "--by", caller, "--scope", typed.ScopeFile, "--format", "json"),
                await PostAsync(client, $"/api/v1/findings/{accepted}/accept", """{"reason":"internal tool","until":"2026-12-15"}""")
            ),
            (
                await typed.CliAsync("assign", assigned, "--to", "payments-backend", "--by", caller, "--format", "json"),
                await PostAsync(client, $"/api/v1/findings/{assigned}/assign", """{"to":"payments-backend"}""")
            ),
            (
                // The CLI names the file as given; the API by the name it was sent under.
                (await typed.CliAsync("vex", "import", vex, "--product", Product, "--format", "json")).Replace(JsonEncodedText.Encode(vex).ToString(), Path.GetFileName(vex), StringComparison.Ordinal),
                await UploadVexAsync(client, vex)
            ),
            (
                await typed.CliAsync("vex", "suggest", "--product", Product, "--apply", "--format", "json"),
                await PostAsync(client, $"/api/v1/products/{Product}/vex/suggestions/apply", null)
            ),
        ];

        Assert.All(writes, write => Assert.Equal(write.Cli, write.Api));
        Assert.Contains($"\"by\": \"{caller}\"", writes[1].Api, StringComparison.Ordinal);
        foreach (var state in new[] { "findings --status all --format json", "vex export --product harp", "history --product harp --format json" })
        {
            Assert.Equal(await typed.CliAsync(state.Split(' ')), await served.CliAsync(state.Split(' ')));
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<long>> FindingIdsAsync(ApiFixture fixture) =>
        JsonDocument.Parse(await fixture.CliAsync("findings", "--product", Product, "--format", "json")).RootElement.GetProperty("findings")
            .EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();

    /// <summary>The audit name of the own team's writer token: its team and id.</summary>
    private static async Task<string> CallerAsync(ApiFixture fixture)
    {
        var token = JsonDocument.Parse(await fixture.CliAsync("token", "list", "--format", "json")).RootElement.GetProperty("tokens").EnumerateArray()
            .Single(t => t.GetProperty("team").GetString() == ApiFixture.OwnTeam && t.GetProperty("role").GetString() == "writer");
        return $"{ApiFixture.OwnTeam} (token {token.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)})";
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string? json)
    {
        using var response = await client.PostAsync(path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {response.StatusCode}: {body}");
        return body;
    }

    private static async Task<string> UploadVexAsync(HttpClient client, string file)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = Path.GetFileName(file) };
        using var response = await client.PostAsync($"/api/v1/products/{Product}/vex", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST VEX: {response.StatusCode}: {body}");
        return body;
    }
}
