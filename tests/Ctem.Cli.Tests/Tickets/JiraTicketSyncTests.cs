using System.Text.Json.Nodes;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Tickets;

/// <summary>
/// <c>ctem tickets sync</c> against a server on 127.0.0.1 that answers as Jira Cloud's REST v3 does: create, JQL search
/// by nextPageToken, transitions, comments in ADF, Basic auth; one ticket per finding of one product, routed there.
/// </summary>
public sealed class JiraTicketSyncTests
{
    private const string Email = "secops@acme.example";
    private const string Token = "jira-api-token-51b7";

    [Fact]
    public async Task Sync_PerFinding_CreatesInTheRoutedProject_DoneUpstreamClaims_RescanReopensThroughATransition()
    {
        using var fixture = new CliFixture();
        await using var jira = new FakeJiraCloud("SEC", Email, Token);
        var scope = await ScannedWithScopeAsync(fixture, jira);
        var findings = JsonNode.Parse((await fixture.RunAsync("findings", "--format", "json")).Stdout)!["findings"]!.AsArray().Count;

        var first = await SyncAsync(fixture, scope);
        var second = await SyncAsync(fixture, scope);

        Assert.Equal((0, ""), (first.ExitCode, first.Stderr));
        Assert.Equal(findings, jira.Issues.Count);
        var create = jira.Requests.First(r => r.Method == "POST" && r.PathAndQuery == "/rest/api/3/issue");
        var fields = JsonNode.Parse(create.Body)!["fields"]!;
        Assert.Equal(("SEC", "Bug", "doc"), (fields["project"]!["key"]!.GetValue<string>(), fields["issuetype"]!["name"]!.GetValue<string>(), fields["description"]!["type"]!.GetValue<string>()));
        Assert.Equal(["ctem"], fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.All(jira.Requests, r => Assert.Equal("application/json", r.Headers["Accept"]));
        Assert.Empty(jira.Failures);
        Assert.Equal("", second.Stderr);
        Assert.Equal(findings, jira.Issues.Count);
        Assert.True(jira.Requests.Count(r => r.PathAndQuery == "/rest/api/3/search/jql" && r.Body.Contains("nextPageToken", StringComparison.Ordinal)) >= (findings / jira.PageSize) - 1, "the search was read page by page");
        Assert.All(Tickets(second), t => Assert.Equal(["unchanged"], t["actions"]!.AsArray().Select(a => a!.GetValue<string>())));

        var done = jira.Issues["SEC-1"];
        done.Category = "done";
        var third = await SyncAsync(fixture, scope);
        Assert.Equal((0, ""), (third.ExitCode, third.Stderr));
        var claimed = Tickets(third).Single(t => t["key"]!.GetValue<string>() == "SEC-1");
        Assert.Equal(["fix-claimed"], claimed["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp")).ExitCode);
        var reopened = Tickets(await SyncAsync(fixture, scope)).Single(t => t["key"]!.GetValue<string>() == "SEC-1");

        Assert.Equal(["verified", "reopened"], reopened["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("new", done.Category);
        Assert.Contains("still finds finding", Assert.Single(done.Comments).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(fixture.Database)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WrongToken_ExitsFourNamingJiraNeverTheToken()
    {
        using var fixture = new CliFixture();
        await using var jira = new FakeJiraCloud("SEC", Email, "the-right-token");
        var scope = await ScannedWithScopeAsync(fixture, jira);

        var result = await SyncAsync(fixture, scope);

        Assert.Equal(ExitCodes.DatabaseError, result.ExitCode);
        Assert.Contains("Jira (127.0.0.1 SEC): creating an issue: HTTP 401 Unauthorized", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Empty(jira.Issues);
    }

    [Fact]
    public async Task Sync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        using var fixture = new CliFixture();
        await using var jira = new FakeJiraCloud("SEC", Email, Token);
        var scope = await ScannedWithScopeAsync(fixture, jira);
        jira.Throttle(1);

        var result = await SyncAsync(fixture, scope);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(jira.Requests.Count(r => r.PathAndQuery == "/rest/api/3/issue") - 1, jira.Issues.Count);
    }

    private static async Task<string> ScannedWithScopeAsync(CliFixture fixture, FakeJiraCloud jira)
    {
        Assert.Equal(0, (await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp")).ExitCode);
        return fixture.File("ctem.yaml", $"""
            products: []
            tickets:
              groupBy: finding
              github: {"{"}repository: acme/security{"}"}
              jira: {"{"}site: "{jira.BaseUrl}", project: OPS, emailEnv: JIRA_EMAIL, tokenEnv: JIRA_API_TOKEN{"}"}
              routes:
                - {"{"}product: harp, tracker: jira, project: SEC{"}"}
            """);
    }

    private static Task<CliResult> SyncAsync(CliFixture fixture, string scope) =>
        CliRun.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["JIRA_EMAIL"] = Email, ["JIRA_API_TOKEN"] = Token, ["CTEM_RETRY_DELAY_MS"] = "1" },
            "tickets", "sync", "--scope", scope, "--format", "json", "--db", fixture.Database);

    private static List<JsonNode> Tickets(CliResult result) => [.. JsonNode.Parse(result.Stdout)!["tickets"]!.AsArray().Select(t => t!)];
}
