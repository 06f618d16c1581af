using Ctem.Core.Scoping;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Scoping;

/// <summary><c>tickets:</c>: the trackers <c>ctem tickets sync</c> files tickets in, the grouping, and the routes per product or team.</summary>
internal sealed partial class ScopeReader
{
    private static readonly string[] TicketKeys = ["groupBy", "github", "jira", "routes"];
    private static readonly string[] GitHubKeys = ["repository", "tokenEnv", "apiUrl", "labels"];
    private static readonly string[] JiraKeys = ["site", "project", "emailEnv", "tokenEnv", "issueType", "labels"];
    private static readonly string[] RouteKeys = ["product", "owner", "tracker", "repository", "project"];

    private static readonly Dictionary<string, TicketGrouping> Groupings = new(StringComparer.Ordinal)
    {
        ["action"] = TicketGrouping.Action,
        ["finding"] = TicketGrouping.Finding,
    };

    private static readonly Dictionary<string, TicketTrackerKind> Trackers = new(StringComparer.Ordinal)
    {
        ["github"] = TicketTrackerKind.GitHub,
        ["jira"] = TicketTrackerKind.Jira,
    };

    private TicketSettings? Tickets(Fields root)
    {
        if (root.Value("tickets") is not { } node || Fields(node, "tickets", TicketKeys) is not { } fields)
        {
            return null;
        }

        var github = fields.Value("github") is { } g && Fields(g, "tickets.github", GitHubKeys) is { } gf ? GitHub(gf) : null;
        var jira = fields.Value("jira") is { } j && Fields(j, "tickets.jira", JiraKeys) is { } jf ? Jira(jf) : null;
        if (fields.Value("github") is null && fields.Value("jira") is null)
        {
            Error(node, "tickets: configure github, jira or both");
        }

        var routes = new List<TicketRoute>();
        var items = Sequence(fields, "routes");
        for (var i = 0; i < items.Count; i++)
        {
            if (Fields(items[i], $"tickets.routes[{i}]", RouteKeys) is not { } route)
            {
                continue;
            }

            var product = Text(route, "product");
            var owner = Text(route, "owner");
            var tracker = Choice(route, "tracker", Trackers, required: true);
            if (product is null && owner is null)
            {
                Error(items[i], $"tickets.routes[{i}]: name a product, an owner or both");
            }
            else if (route.Value("tracker") is not null && fields.Value(tracker == TicketTrackerKind.GitHub ? "github" : "jira") is null)
            {
                Error(route.Value("tracker")!, $"tickets.routes[{i}].tracker: tickets.{(tracker == TicketTrackerKind.GitHub ? "github" : "jira")} is not configured");
            }
            else
            {
                routes.Add(new TicketRoute(product, owner, tracker, RepositoryName(route, "repository"), Text(route, "project")));
            }
        }

        return new TicketSettings(Choice(fields, "groupBy", Groupings), github, jira, routes);
    }

    private GitHubTicketTarget? GitHub(Fields fields)
    {
        var repository = RepositoryName(fields, "repository", required: true);
        var apiUrl = Url(fields, "apiUrl") ?? new Uri("https://api.github.com/");
        return repository is null ? null : new GitHubTicketTarget(repository, Text(fields, "tokenEnv") ?? "GITHUB_TOKEN", apiUrl, Labels(fields));
    }

    private JiraTicketTarget? Jira(Fields fields)
    {
        var site = Url(fields, "site", required: true);
        var project = Text(fields, "project", required: true);
        var email = Text(fields, "emailEnv", required: true);
        var token = Text(fields, "tokenEnv", required: true);
        return site is null || project is null || email is null || token is null
            ? null
            : new JiraTicketTarget(site, project, email, token, Text(fields, "issueType") ?? "Bug", Labels(fields));
    }

    private string? RepositoryName(Fields fields, string key, bool required = false)
    {
        var text = Text(fields, key, required);
        if (text is not null && (text.Split('/') is not [{ Length: > 0 }, { Length: > 0 }] || text.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '%')))
        {
            Error(fields.Value(key)!, $"{fields.Name(key)}: '{text}' is not a repository; write it as owner/name");
            return null;
        }

        return text;
    }

    /// <summary>An https URL, or http to a loopback address (a test server); only the hosts written here are ever called.</summary>
    /// <summary>An API root: <see cref="FetchUrl"/> ending in '/', so relative paths resolve beneath it.</summary>
    private Uri? Url(Fields fields, string key, bool required = false) =>
        FetchUrl(fields, key, required) is not { } url ? null : url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private List<string> Labels(Fields fields)
    {
        var labels = new List<string>();
        var items = Sequence(fields, "labels");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { Length: > 0 } label })
            {
                labels.Add(label);
            }
            else
            {
                Error(items[i], $"{fields.Name("labels")}[{i}]: expected a label, found {Describe(items[i])}");
            }
        }

        return fields.Value("labels") is null ? ["ctem"] : labels;
    }
}
