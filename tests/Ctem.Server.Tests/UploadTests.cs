using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Server.Tests;

/// <summary>Scans and reports through the API: bad bodies are problems naming what was wrong; nothing is stored for them.</summary>
public sealed class UploadTests
{
    public static TheoryData<string, string?, HttpStatusCode, string> BadBodies => new()
    {
        { "scans", null, HttpStatusCode.BadRequest, "the request body is empty" },
        { "scans", "not an sbom", HttpStatusCode.UnprocessableEntity, "nothing was scanned" },
        { "scans?format-in=npm/nothing", "{}", HttpStatusCode.BadRequest, "format-in 'npm/nothing' is not an input format" },
        { "reports", "{\"not\": \"a report\"}", HttpStatusCode.UnprocessableEntity, "nothing was ingested" },
        { "reports?format-in=sbom", "{}", HttpStatusCode.BadRequest, "format-in 'sbom' is not a report format" },
        { "scans", new string('x', 5000), HttpStatusCode.RequestEntityTooLarge, "larger than the server takes (4,096 bytes)" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_IsAProblem_AndStoresNothing(string endpoint, string? body, HttpStatusCode status, string detail)
    {
        await using var fixture = await UploadFixture.CreateAsync(maxBodyBytes: 4096);
        using var client = fixture.Client();

        using var response = await client.PostAsync($"/api/v1/products/harp/{endpoint}", new StringContent(body ?? "", Encoding.UTF8, "text/plain"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/products/harp")).StatusCode);
    }

    [Fact]
    public async Task Scan_NewProduct_BelongsToTheTokensTeam_AndAnswersTheScanJson()
    {
        await using var fixture = await UploadFixture.CreateAsync();
        using var client = fixture.Client();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(ApiFixture.DemoSbom));

        using var response = await client.PostAsync("/api/v1/products/harp/scans?source=ci-main", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scan = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("harp", scan.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal("ci-main", scan.GetProperty("run").GetProperty("source").GetString());
        Assert.Equal(scan.GetProperty("findings").GetArrayLength(), scan.GetProperty("run").GetProperty("new").GetInt32());
        Assert.True(scan.GetProperty("findings").GetArrayLength() > 0);
        var product = JsonDocument.Parse(await client.GetStringAsync("/api/v1/products/harp")).RootElement;
        Assert.Equal("upload-team", product.GetProperty("team").GetString());
    }

    [SkippableFact]
    public async Task Report_NamedByContentDisposition_IsIngestedAsTheCliIngestsIt()
    {
        RepoPaths.RequireShared();
        await using var fixture = await UploadFixture.CreateAsync();
        using var client = fixture.Client();
        var report = RepoPaths.SharedData("scanners", "trivy", "trivy-integration__alpine-310.json");
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(report));
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "trivy.json" };

        using var response = await client.PostAsync("/api/v1/products/alpine/reports", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ingested = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("trivy/json", ingested.GetProperty("reports")[0].GetProperty("format").GetString());
        Assert.Equal("trivy.json", ingested.GetProperty("reports")[0].GetProperty("path").GetString());
        Assert.True(ingested.GetProperty("findings").GetArrayLength() > 0);
    }

    public static TheoryData<string, string, string?, string> Uploads => new()
    {
        { "scans", "sbom", null, Apis.Upload.Unnamed },
        { "scans", "sbom", "harp.cdx.json", "harp.cdx.json" },
        { "scans", "sbom", "../../etc/harp.cdx.json", "harp.cdx.json" },
        { "reports?format-in=trivy/json", "report", null, Apis.Upload.Unnamed },
        { "reports", "report", "trivy.json", "trivy.json" },
    };

    /// <summary>Regression: API runs recorded the server's temporary path as their input, different at every upload.</summary>
    [SkippableTheory]
    [MemberData(nameof(Uploads))]
    public async Task Upload_IsRecordedInHistory_ByTheNameItWasSentUnder(string endpoint, string body, string? fileName, string recorded)
    {
        var document = body == "sbom" ? ApiFixture.DemoSbom : RepoPaths.SharedData("scanners", "trivy", "trivy-integration__alpine-310.json");
        if (body == "report")
        {
            RepoPaths.RequireShared();
        }

        await using var fixture = await UploadFixture.CreateAsync();
        using var client = fixture.Client();

        foreach (var upload in new[] { 1, 2 })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(document));
            if (fileName is not null)
            {
                content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
            }

            using var response = await client.PostAsync($"/api/v1/products/harp/{endpoint}", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var runs = JsonDocument.Parse(await client.GetStringAsync("/api/v1/products/harp/history")).RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run => Assert.Equal([recorded], run.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("path").GetString())));
        Assert.Single(runs.Select(run => run.GetProperty("source").GetString()).Distinct());
    }

    /// <summary>An empty database (with the demo's advisories) and a writer token, optionally with a smaller body limit.</summary>
    private sealed class UploadFixture : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Hosting.ServerSettings> _factory;
        private readonly string _token;

        private UploadFixture(TestDatabase database, string token, long? maxBodyBytes)
        {
            _database = database;
            _token = token;
            _factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Hosting.ServerSettings>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Ctem:Database", database.Spec);
                if (maxBodyBytes is { } limit)
                {
                    builder.UseSetting("Ctem:MaxBodyBytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            });
        }

        public static async Task<UploadFixture> CreateAsync(long? maxBodyBytes = null)
        {
            var database = await TestDatabase.CreateAsync(Dialect.Sqlite);
            await ApiFixture.CliAsync(database, "db", "import", Path.Combine(RepoPaths.Samples, "demo", "advisories"));
            var token = (await ApiFixture.CliAsync(database, "token", "create", "--team", "upload-team", "--role", "writer")).Trim();
            return new UploadFixture(database, token, maxBodyBytes);
        }

        public HttpClient Client()
        {
            var client = _factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await _factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
