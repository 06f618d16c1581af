using Ctem.Core.Scoping;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Scoping;

/// <summary>The scope file's <c>tickets:</c> section: trackers, grouping and routes, with the schema agreeing.</summary>
public sealed class TicketScopeTests
{
    private const string Path = "ctem.yaml";

    [Fact]
    public void Load_TicketsSection_ReadsTrackersGroupingAndRoutes()
    {
        const string Yaml = """
            products: []
            tickets:
              groupBy: finding
              github: {repository: acme/security, apiUrl: "https://ghe.acme.example/api/v3", labels: [security, ctem]}
              jira: {site: "https://acme.atlassian.net", project: SEC, emailEnv: JIRA_EMAIL, tokenEnv: JIRA_API_TOKEN}
              routes:
                - {product: payments-api, tracker: jira, project: PAY}
                - {owner: web, tracker: github, repository: acme/web}
            """;

        var result = ScopeFile.Load(Path, Yaml);

        Assert.Empty(result.Diagnostics);
        var tickets = result.Document!.Tickets!;
        Assert.Equal(TicketGrouping.Finding, tickets.GroupBy);
        Assert.Equal(("acme/security", "GITHUB_TOKEN", "https://ghe.acme.example/api/v3/"), (tickets.GitHub!.Repository, tickets.GitHub.TokenEnv, tickets.GitHub.ApiUrl.AbsoluteUri));
        Assert.Equal(["security", "ctem"], tickets.GitHub.Labels);
        Assert.Equal(("SEC", "JIRA_EMAIL", "JIRA_API_TOKEN", "Bug", "https://acme.atlassian.net/"), (tickets.Jira!.Project, tickets.Jira.EmailEnv, tickets.Jira.TokenEnv, tickets.Jira.IssueType, tickets.Jira.Site.AbsoluteUri));
        Assert.Equal([new TicketRoute("payments-api", null, TicketTrackerKind.Jira, null, "PAY"), new TicketRoute(null, "web", TicketTrackerKind.GitHub, "acme/web", null)], tickets.Routes);
        Assert.Empty(ScopeSchema.Errors(Yaml));
    }

    [Fact]
    public void Load_NoTicketsSection_HasNoTicketSettings()
    {
        Assert.Null(ScopeFile.Load(Path, "products: []").Document!.Tickets);
    }

    public static TheoryData<string, string, string> InvalidTickets => new()
    {
        { "tickets: {groupBy: action}", "2:10", "tickets: configure github, jira or both" },
        { "tickets:\n  github: {repository: acme}", "3:24", "tickets.github.repository: 'acme' is not a repository; write it as owner/name" },
        { "tickets:\n  github: {repository: a/b, apiUrl: \"http://api.github.com\"}", "3:37", "tickets.github.apiUrl: 'http://api.github.com' is not an https:// URL" },
        { "tickets:\n  github: {repository: a/b, token: x}", "3:29", "tickets.github: unknown key 'token'" },
        { "tickets:\n  groupBy: ticket\n  github: {repository: a/b}", "3:12", "tickets.groupBy: 'ticket' is not one of action, finding" },
        { "tickets:\n  github: {repository: a/b}\n  routes: [{product: shop, tracker: jira}]", "4:37", "tickets.routes[0].tracker: tickets.jira is not configured" },
        { "tickets:\n  github: {repository: a/b}\n  routes: [{tracker: github}]", "4:12", "tickets.routes[0]: name a product, an owner or both" },
        { "tickets:\n  jira: {site: \"https://x.atlassian.net\", project: SEC, tokenEnv: T}", "3:9", "tickets.jira: missing required key 'emailEnv'" },
    };

    [Theory]
    [MemberData(nameof(InvalidTickets))]
    public void Load_InvalidTickets_ReportsMessageAtLineColumn(string tickets, string location, string message)
    {
        var result = ScopeFile.Load(Path, "products: []\n" + tickets);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(location, diagnostic.Location);
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }
}
