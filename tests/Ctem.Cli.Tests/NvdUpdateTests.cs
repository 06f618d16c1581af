using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Web;
using Ctem.Engine.Knowledge.Updates;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// <c>ctem db update --source nvd|cve</c> against a server on 127.0.0.1 that answers as the NVD CVE API 2.0 does
/// (pages by startIndex, lastMod date windows), with the real NVD records of the osv.dev test data.
/// </summary>
public sealed class NvdUpdateTests
{
    private const string Key = "nvd-test-key-4d1f0c9e";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["CTEM_RETRY_DELAY_MS"] = "1",
        ["CTEM_NVD_RATE_WINDOW_MS"] = "200",
        ["NVD_API_KEY"] = Key,
    };

    [SkippableFact]
    public async Task Update_FirstEverythingInPages_ThenOnlyTheWindowSince_KeyNeverShownOrStored()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await using var server = new LocalHttpServer();
        var records = NvdRecords();
        server.Handle("/rest/json/cves/2.0", request => Page(records, request, pageSize: 10));

        var first = await CliRun.RunWithEnvironmentAsync(Environment, "db", "update", "--source", "nvd", "--nvd-url", $"{server.BaseUrl}/rest/json/cves/2.0", "--db", fixture.Database);
        var second = await CliRun.RunWithEnvironmentAsync(Environment, "db", "update", "--source", "nvd", "--nvd-url", $"{server.BaseUrl}/rest/json/cves/2.0", "--db", fixture.Database, "--format", "json");
        var status = await fixture.RunAsync("db", "status", "--format", "json");

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Contains($"Read {records.Count} CVE record(s): {records.Count} imported", first.Stdout, StringComparison.Ordinal);
        var requests = server.Requests.ToList();
        Assert.Equal([0, 10, 20], requests.Take(3).Select(r => int.Parse(HttpUtility.ParseQueryString(r.Url!.Query)["startIndex"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(requests.Take(3), r => Assert.Null(HttpUtility.ParseQueryString(r.Url!.Query)["lastModStartDate"]));
        var incremental = HttpUtility.ParseQueryString(requests[3].Url!.Query);
        Assert.NotNull(incremental["lastModStartDate"]);
        Assert.True(DateTimeOffset.Parse(incremental["lastModEndDate"]!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(incremental["lastModStartDate"]!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromDays(120));
        Assert.All(requests, r => Assert.Equal(Key, r.Headers["apiKey"]));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("\"CVE\"", status.Stdout.Replace("\"NVD\"", "\"CVE\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"\"records\": {records.Count}", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, first.Stdout + first.Stderr + second.Stdout + second.Stderr + status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(fixture.Database)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Update_CveRecordsZip_ImportedThenNotModified()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await using var server = new LocalHttpServer();
        server.Serve("/cvelistV5.zip", File.ReadAllBytes(RepoPaths.SharedData("cve", "vulnrichment-cve5-2024-00000-02999.zip")));

        var first = await CliRun.RunWithEnvironmentAsync(Environment, "db", "update", "--source", "cve", "--cve-url", $"{server.BaseUrl}/cvelistV5.zip", "--db", fixture.Database);
        var second = await CliRun.RunWithEnvironmentAsync(Environment, "db", "update", "--source", "cve", "--cve-url", $"{server.BaseUrl}/cvelistV5.zip", "--db", fixture.Database);

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Contains("Read 2295 CVE record(s): 2295 imported", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(["/cvelistV5.zip 200", "/cvelistV5.zip 304"], server.Log);
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public async Task Update_NvdPageFails_ExitsFourAndStoresNothing()
    {
        using var fixture = new CliFixture();
        await using var server = new LocalHttpServer();
        server.Fail("/nvd", 10, System.Net.HttpStatusCode.ServiceUnavailable);

        var result = await CliRun.RunWithEnvironmentAsync(Environment, "db", "update", "--source", "nvd", "--nvd-url", $"{server.BaseUrl}/nvd", "--retries", "1", "--db", fixture.Database);

        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains("NVD CVE API: FAILED: HTTP 503", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, server.Log.Count);
    }

    public static TheoryData<string?, string, string[]> WindowCases => new()
    {
        { null, "2026-12-03", ["everything"] },
        { "2026-11-01", "2026-12-03", ["2026-11-01..2026-12-03"] },
        { "2026-01-01", "2026-12-03", ["2026-01-01..2026-05-01", "2026-05-01..2026-08-29", "2026-08-29..2026-12-03"] },
    };

    [Theory]
    [MemberData(nameof(WindowCases))]
    public void Windows_AtMost120Days_FromTheLastEndToNow(string? since, string now, string[] expected)
    {
        var windows = NvdRequests.Windows(since is null ? null : DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, windows.Select(w => w.From is null ? "everything" : $"{w.From:yyyy-MM-dd}..{w.To:yyyy-MM-dd}"));
    }

    private static List<JsonNode> NvdRecords()
    {
        using var zip = ZipFile.OpenRead(RepoPaths.SharedData("cve", "samples", "osv-dev-vulnfeeds-testdata.zip"));
        return zip.Entries.Where(e => e.FullName.StartsWith("nvdcve-2.0/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal)
            .SelectMany(e =>
            {
                using var stream = e.Open();
                return JsonNode.Parse(stream)!["vulnerabilities"]!.AsArray().Select(v => v!.DeepClone()).ToList();
            })
            .ToList();
    }

    // Pages as NVD does: startIndex, resultsPerPage (the server may return fewer than asked), totalResults. A request
    // with a lastMod window gets only records modified in it: none here, the data being older.
    private static byte[] Page(List<JsonNode> records, System.Net.HttpListenerRequest request, int pageSize)
    {
        var query = HttpUtility.ParseQueryString(request.Url!.Query);
        var start = int.Parse(query["startIndex"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var matching = query["lastModStartDate"] is null ? records : [];
        var page = new JsonArray([.. matching.Skip(start).Take(pageSize).Select(r => r.DeepClone())]);
        var body = new JsonObject
        {
            ["resultsPerPage"] = page.Count,
            ["startIndex"] = start,
            ["totalResults"] = matching.Count,
            ["format"] = "NVD_CVE",
            ["version"] = "2.0",
            ["timestamp"] = "2026-12-03T00:00:00.000",
            ["vulnerabilities"] = page,
        };
        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
