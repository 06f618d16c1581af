using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests.Tickets;

/// <summary><c>ctem tickets sync</c>'s table and JSON on the demo data, against a loopback GitHub Issues API.</summary>
public sealed class TicketsOutputTests
{
    private const string Token = "ghp_golden-token";

    public static TheoryData<string, string> Formats => new()
    {
        { "table", "tickets-sync-demo-200.txt" },
        { "json", "tickets-sync-demo.json" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Sync_Demo_MatchesGolden(string format, string golden)
    {
        using var fixture = new CliFixture();
        await using var github = new FakeGitHubIssues("acme/security", Token, pageSize: 100);
        Assert.Equal(0, (await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories)).ExitCode);
        Assert.Equal(0, (await fixture.RunAsync("scan", CliFixture.DemoSbom, "--product", "harp")).ExitCode);
        var scope = fixture.File("ctem.yaml", $"products: []\ntickets:\n  github: {{repository: acme/security, apiUrl: \"{github.BaseUrl}\"}}\n");
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = Token };

        var dry = await CliRun.RunWithEnvironmentAsync(environment, "tickets", "sync", "--dry-run", "--scope", scope, "--db", fixture.Database);
        Assert.Equal(0, (await CliRun.RunWithEnvironmentAsync(environment, "tickets", "sync", "--scope", scope, "--db", fixture.Database)).ExitCode);
        github.Issues[3].State = "closed";
        var result = await CliRun.RunWithEnvironmentAsync(environment, "tickets", "sync", "--scope", scope, "--format", format, "--db", fixture.Database);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.StartsWith("Dry run: 19 ticket(s), 19 changed", dry.Stdout, StringComparison.Ordinal);
        Golden.Verify(result.Stdout, golden);
    }
}
