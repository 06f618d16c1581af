using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// Jira Cloud over REST v3 (Basic auth with an account's e-mail and API token): issues created with the configured type
/// and labels, descriptions and comments in Atlassian Document Format, states read through the JQL search
/// (<c>/rest/api/3/search/jql</c>, paged by <c>nextPageToken</c>) and changed through the issue's transitions.
/// </summary>
public sealed class JiraCloudTracker : ITicketTracker
{
    private const int PageSize = 100;
    private readonly TrackerHttp _http;
    private readonly JiraTicketTarget _target;

    public JiraCloudTracker(HttpClient http, JiraTicketTarget target, string project, string email, string token, TrackerOptions options, TimeProvider time)
    {
        _target = target;
        Project = project;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}"));
        _http = new TrackerHttp(http, target.Site, $"Jira ({target.Site.Host} {project})", headers =>
        {
            headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }, options, time);
    }

    public string Kind => "jira";

    public string Project { get; }

    public async Task<IReadOnlyDictionary<string, bool>> GetOpenStatesAsync(IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (externalKeys.Count == 0)
        {
            return states;
        }

        // By project and label rather than "key in (…)": a deleted key would fail the whole query.
        var label = _target.Labels.Count > 0 ? _target.Labels[0] : "ctem";
        string? token = null;
        do
        {
            var query = new JsonObject
            {
                ["jql"] = $"project = \"{Quote(Project)}\" AND labels = \"{Quote(label)}\" ORDER BY key",
                ["fields"] = new JsonArray("status"),
                ["maxResults"] = PageSize,
            };
            if (token is not null)
            {
                query["nextPageToken"] = token;
            }

            var (page, _) = await _http.SendAsync(HttpMethod.Post, _http.Url("rest/api/3/search/jql"), query, "searching issues", cancellationToken, read: true);
            foreach (var issue in page?["issues"]?.AsArray() ?? [])
            {
                if (issue?["key"]?.GetValue<string>() is { } key)
                {
                    states[key] = issue["fields"]?["status"]?["statusCategory"]?["key"]?.GetValue<string>() != "done";
                }
            }

            token = page?["isLast"]?.GetValue<bool>() == true ? null : page?["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        return states;
    }

    public async Task<CreatedTicket> CreateAsync(TicketContent content, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = Project },
                ["summary"] = content.Title,
                ["issuetype"] = new JsonObject { ["name"] = _target.IssueType },
                ["description"] = Document(content.Body),
                ["labels"] = new JsonArray([.. _target.Labels.Select(l => JsonValue.Create(l))]),
            },
        };
        var (created, _) = await _http.SendAsync(HttpMethod.Post, _http.Url("rest/api/3/issue"), body, "creating an issue", cancellationToken);
        var key = created?["key"]?.GetValue<string>() ?? throw new TrackerException($"Jira ({Project}): creating an issue: the answer has no issue key");
        return new CreatedTicket(key, _http.Url($"browse/{key}").AbsoluteUri);
    }

    public async Task UpdateAsync(string externalKey, TicketContent content, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["fields"] = new JsonObject { ["summary"] = content.Title, ["description"] = Document(content.Body) } };
        await _http.SendAsync(HttpMethod.Put, _http.Url($"rest/api/3/issue/{Uri.EscapeDataString(externalKey)}"), body, $"updating {externalKey}", cancellationToken);
    }

    public async Task CommentAsync(string externalKey, string text, CancellationToken cancellationToken) =>
        await _http.SendAsync(HttpMethod.Post, _http.Url($"rest/api/3/issue/{Uri.EscapeDataString(externalKey)}/comment"), new JsonObject { ["body"] = Document(text) }, $"commenting on {externalKey}", cancellationToken);

    /// <summary>Applies the first transition into a "done" status (closing) or out of it (reopening).</summary>
    public async Task SetOpenAsync(string externalKey, bool open, CancellationToken cancellationToken)
    {
        var url = _http.Url($"rest/api/3/issue/{Uri.EscapeDataString(externalKey)}/transitions");
        var (answer, _) = await _http.SendAsync(HttpMethod.Get, url, null, $"reading the transitions of {externalKey}", cancellationToken);
        var transition = (answer?["transitions"]?.AsArray() ?? [])
            .FirstOrDefault(t => (t?["to"]?["statusCategory"]?["key"]?.GetValue<string>() == "done") != open);
        if (transition?["id"]?.GetValue<string>() is not { } id)
        {
            throw new TrackerException($"Jira ({Project}): {externalKey} has no transition {(open ? "out of" : "into")} a done status");
        }

        await _http.SendAsync(HttpMethod.Post, url, new JsonObject { ["transition"] = new JsonObject { ["id"] = id } }, $"{(open ? "reopening" : "closing")} {externalKey}", cancellationToken);
    }

    /// <summary>Text as Atlassian Document Format: one paragraph per non-empty line.</summary>
    internal static JsonObject Document(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray([.. text.Split('\n').Where(l => l.Length > 0).Select(l => (JsonNode)new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = l }),
        })]),
    };

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
