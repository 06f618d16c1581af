using System.Net;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary><c>ctem db update</c> against a file server on 127.0.0.1: the real HTTP client, retries and conditional requests.</summary>
public sealed class DbUpdateTests
{
    private static readonly Dictionary<string, string> FastRetries = new() { ["CTEM_RETRY_DELAY_MS"] = "1" };

    private static string Testdata(params string[] parts) => Path.Combine([RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers", .. parts]);

    [Fact]
    public async Task Update_ThenAgain_DownloadsThenGetsNotModified()
    {
        using var fixture = new CliFixture();
        await using var server = Serve();

        var first = await UpdateAsync(fixture, server);
        var second = await UpdateAsync(fixture, server);

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Contains("OSV Go: downloaded", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("154 imported", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("KEV 2025.08.25", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(3, second.Stdout.Split('\n').Count(l => l.Contains("not modified", StringComparison.Ordinal)));
        Assert.Equal(["/Go/all.zip 304", "/kev.json 304", "/epss.csv.gz 304"], server.Log.Skip(3));
    }

    [Fact]
    public async Task Update_TransientFailures_AreRetried()
    {
        using var fixture = new CliFixture();
        await using var server = Serve();
        server.Fail("/kev.json", 2, HttpStatusCode.ServiceUnavailable);

        var result = await UpdateAsync(fixture, server);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/kev.json 503", "/kev.json 503", "/kev.json 200"], server.Log.Where(l => l.StartsWith("/kev", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Update_SourceKeepsFailing_ExitsFourAndImportsTheRest()
    {
        using var fixture = new CliFixture();
        await using var server = Serve();
        server.Fail("/epss.csv.gz", 10, HttpStatusCode.InternalServerError);

        var result = await UpdateAsync(fixture, server);

        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains("FIRST EPSS: FAILED: HTTP 500", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, server.Log.Count(l => l.StartsWith("/epss", StringComparison.Ordinal)));
        var status = await fixture.RunAsync("db", "status", "--format", "json");
        Assert.Contains("\"KEV\"", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"EPSS\"", status.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Regression: --retries 0 was an internal error (Polly refuses a retry strategy of no attempts).</summary>
    [Fact]
    public async Task Update_RetriesZero_TriesOnceAndReportsTheFailure()
    {
        using var fixture = new CliFixture();
        await using var server = Serve();
        server.Fail("/kev.json", 1, HttpStatusCode.ServiceUnavailable);

        var result = await CliRun.RunWithEnvironmentAsync(FastRetries, "db", "update", "--source", "kev", "--kev-url", $"{server.BaseUrl}/kev.json", "--retries", "0", "--db", fixture.Database);

        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains("CISA KEV: FAILED: HTTP 503", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["/kev.json 503"], server.Log);
    }

    [Fact]
    public async Task Update_EcosystemAndSourceInAnyCase_FetchTheExportAsOsvSpellsIt()
    {
        using var fixture = new CliFixture();
        await using var server = Serve();

        var result = await CliRun.RunWithEnvironmentAsync(FastRetries, "db", "update", "--source", "OSV", "--ecosystem", "go", "--osv-url", server.BaseUrl, "--db", fixture.Database);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OSV Go: downloaded", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["/Go/all.zip 200"], server.Log);
    }

    [Fact]
    public async Task Update_PlainHttpToRemoteHost_IsRefusedWithoutConnecting()
    {
        using var fixture = new CliFixture();
        var result = await CliRun.RunWithEnvironmentAsync(FastRetries, "db", "update", "--source", "kev", "--kev-url", "http://192.0.2.1/kev.json", "--db", fixture.Database);
        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains("only https:// URLs are fetched", result.Stdout, StringComparison.Ordinal);
    }

    private static LocalHttpServer Serve()
    {
        var server = new LocalHttpServer();
        server.Serve("/Go/all.zip", File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "demo", "advisories", "go-vulndb-harp-subset.zip")));
        server.Serve("/kev.json", File.ReadAllBytes(Testdata("CisaKev", "testdata", "kev-subset.json")));
        server.Serve("/epss.csv.gz", Gzip(File.ReadAllBytes(Testdata("Epss", "testdata", "epss-subset.csv"))));
        return server;
    }

    private static Task<CliResult> UpdateAsync(CliFixture fixture, LocalHttpServer server) =>
        CliRun.RunWithEnvironmentAsync(FastRetries, "db", "update", "--ecosystem", "Go", "--osv-url", server.BaseUrl,
            "--kev-url", $"{server.BaseUrl}/kev.json", "--epss-url", $"{server.BaseUrl}/epss.csv.gz", "--db", fixture.Database);

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
