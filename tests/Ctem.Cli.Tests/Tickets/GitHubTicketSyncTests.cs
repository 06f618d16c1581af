using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Tickets;

/// <summary>
/// <c>ctem tickets sync</c> against a server on 127.0.0.1 that answers as GitHub's Issues REST API does, with the demo
/// SBOM's real findings: one issue per plan action, idempotent re-runs, upstream closes as fix claims verified by the next scan.
/// </summary>
public sealed class GitHubTicketSyncTests
{
    private const string Token = "ghp_test-token-7c1e9a";
    private const string Repository = "acme/security";

    [Fact]
    public async Task Sync_CreatesOneIssuePerAction_RerunCreatesNone_CloseClaimsFix_RescanStillFinding_Reopens()
    {
        using var fixture = new CliFixture();
        await using var github = new FakeGitHubIssues(Repository, Token);
        github.Add("someone else's pull request", pullRequest: true, "ctem");
        var scope = await ScannedWithScopeAsync(fixture, github);
        var actions = (JsonNode.Parse((await fixture.RunAsync("plan", "--format", "json")).Stdout)!["actions"]!.AsArray()).Count;

        var first = await SyncAsync(fixture, scope);
        var second = await SyncAsync(fixture, scope);

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        var created = github.Requests.Where(r => r.Method == "POST" && r.PathAndQuery == $"/repos/{Repository}/issues").ToList();
        Assert.Equal(actions, created.Count);
        Assert.All(github.Requests, r =>
        {
            Assert.Equal("application/vnd.github+json", r.Headers["Accept"]);
            Assert.Equal("2022-11-28", r.Headers["X-GitHub-Api-Version"]);
            Assert.StartsWith("ctem/", r.Headers["User-Agent"], StringComparison.Ordinal);
        });
        var body = JsonNode.Parse(created[0].Body)!;
        Assert.Equal(["ctem"], body["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.StartsWith("<!-- ctem:action:Go/golang.org/x/crypto@0.52.0 -->", body["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("| Finding | Product | Vulnerability | Component | Priority | Due | Owner |", body["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(actions, github.Issues.Values.Count(i => !i.PullRequest));
        var rerun = Tickets(second);
        Assert.All(rerun, t => Assert.Equal(["unchanged"], t["actions"]!.AsArray().Select(a => a!.GetValue<string>())));
        Assert.True(github.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("page=", StringComparison.Ordinal)) >= actions / github.PageSize - 1, "the issue list was read page by page");

        var crypto = github.Issues.Values.Single(i => i.Title.StartsWith("Upgrade golang.org/x/crypto", StringComparison.Ordinal));
        crypto.State = "closed";
        var claimed = Tickets(await SyncAsync(fixture, scope)).Single(t => t["key"]!.GetValue<string>() == crypto.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["fix-claimed"], claimed["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(claimed["findings"]!.ToJsonString(), claimed["fixClaimed"]!.ToJsonString());
        Assert.Equal("closed", crypto.State);

        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp")).ExitCode);
        var verified = Tickets(await SyncAsync(fixture, scope)).Single(t => t["key"]!.GetValue<string>() == crypto.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["verified", "reopened"], verified["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("open", crypto.State);
        Assert.Contains("still finds finding", Assert.Single(crypto.Comments), StringComparison.Ordinal);
        Assert.Equal(actions, github.Issues.Values.Count(i => !i.PullRequest));
        Assert.DoesNotContain(Token, first.Stdout + first.Stderr + second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(fixture.Database)), StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> FailureCases => new()
    {
        { "wrong-token", 0, "GitHub Issues (acme/security): creating an issue: HTTP 401 Unauthorized" },
        { Token, 9, "GitHub Issues (acme/security): creating an issue: HTTP 429 Too Many Requests" },
    };

    [Theory]
    [MemberData(nameof(FailureCases))]
    public async Task Sync_TrackerRefuses_ExitsFourNamingTheTrackerNeverTheToken(string token, int throttled, string expected)
    {
        using var fixture = new CliFixture();
        await using var github = new FakeGitHubIssues(Repository, Token);
        var scope = await ScannedWithScopeAsync(fixture, github);
        github.Throttle(throttled);

        var result = await SyncAsync(fixture, scope, token);

        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RateLimitedTwice_RetriesAfterRetryAfterAndCreates()
    {
        using var fixture = new CliFixture();
        await using var github = new FakeGitHubIssues(Repository, Token);
        var scope = await ScannedWithScopeAsync(fixture, github);
        github.Throttle(2);

        var result = await SyncAsync(fixture, scope);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        // The first create answered 429 twice, then sent again: one issue, not three.
        Assert.Equal(["POST", "POST", "POST"], github.Requests.Take(3).Select(r => r.Method));
        Assert.Equal(github.Requests.Count(r => r.Method == "POST") - 2, github.Issues.Count);
    }

    private static async Task<string> ScannedWithScopeAsync(CliFixture fixture, FakeGitHubIssues github)
    {
        Assert.Equal(0, (await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp")).ExitCode);
        return fixture.File("ctem.yaml", $"products: []\ntickets:\n  github:\n    repository: {Repository}\n    apiUrl: {github.BaseUrl}\n");
    }

    private static Task<CliResult> SyncAsync(CliFixture fixture, string scope, string token = Token) =>
        CliRun.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["GITHUB_TOKEN"] = token, ["CTEM_RETRY_DELAY_MS"] = "1" },
            "tickets", "sync", "--scope", scope, "--format", "json", "--db", fixture.Database);

    private static List<JsonNode> Tickets(CliResult result) => [.. JsonNode.Parse(result.Stdout)!["tickets"]!.AsArray().Select(t => t!)];
}
