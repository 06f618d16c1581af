using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// GitHub Issues over REST (API version 2022-11-28): issues are created and updated with the configured labels, found
/// again by listing the first label's issues page by page (the <c>link</c> header's <c>rel="next"</c>).
/// </summary>
public sealed class GitHubIssuesTracker : ITicketTracker
{
    private readonly TrackerHttp _http;
    private readonly GitHubTicketTarget _target;

    public GitHubIssuesTracker(HttpClient http, GitHubTicketTarget target, string repository, string token, TrackerOptions options, TimeProvider time)
    {
        _target = target;
        Project = repository;
        var root = target.ApiUrl.AbsoluteUri.EndsWith('/') ? target.ApiUrl : new Uri(target.ApiUrl.AbsoluteUri + "/");
        _http = new TrackerHttp(http, root, $"GitHub Issues ({repository})", headers =>
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            headers.Add("X-GitHub-Api-Version", "2022-11-28");
        }, options, time);
    }

    public string Kind => "github";

    public string Project { get; }

    public async Task<IReadOnlyDictionary<string, bool>> GetOpenStatesAsync(IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (externalKeys.Count == 0)
        {
            return states;
        }

        var label = Uri.EscapeDataString(_target.Labels.Count > 0 ? _target.Labels[0] : "ctem");
        Uri? next = _http.Url($"repos/{Project}/issues?state=all&labels={label}&per_page=100");
        while (next is not null)
        {
            var (body, headers) = await _http.SendAsync(HttpMethod.Get, next, null, "listing issues", cancellationToken);
            foreach (var issue in body?.AsArray() ?? [])
            {
                // Issue endpoints return pull requests too; a ticket is never one.
                if (issue?["pull_request"] is null && issue?["number"] is { } number)
                {
                    states[number.ToString()] = issue["state"]?.GetValue<string>() == "open";
                }
            }

            next = NextLink(headers);
        }

        // A ticket whose label was removed is not listed: asked for one by one.
        foreach (var key in externalKeys.Where(k => !states.ContainsKey(k)))
        {
            try
            {
                var (issue, _) = await _http.SendAsync(HttpMethod.Get, _http.Url($"repos/{Project}/issues/{key}"), null, $"reading issue #{key}", cancellationToken);
                states[key] = issue?["state"]?.GetValue<string>() == "open";
            }
            catch (TrackerException e) when (e.Message.Contains("HTTP 404", StringComparison.Ordinal) || e.Message.Contains("HTTP 410", StringComparison.Ordinal))
            {
                // Deleted or transferred: absent.
            }
        }

        return states;
    }

    public async Task<CreatedTicket> CreateAsync(TicketContent content, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["title"] = content.Title,
            ["body"] = content.Body,
            ["labels"] = new JsonArray([.. _target.Labels.Select(l => JsonValue.Create(l))]),
        };
        var (created, _) = await _http.SendAsync(HttpMethod.Post, _http.Url($"repos/{Project}/issues"), body, "creating an issue", cancellationToken);
        var number = created?["number"]?.GetValue<long>() ?? throw new TrackerException($"GitHub Issues ({Project}): creating an issue: the answer has no issue number");
        return new CreatedTicket(number.ToString(CultureInfo.InvariantCulture), created["html_url"]?.GetValue<string>() ?? "");
    }

    public async Task UpdateAsync(string externalKey, TicketContent content, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["title"] = content.Title, ["body"] = content.Body };
        await _http.SendAsync(HttpMethod.Patch, _http.Url($"repos/{Project}/issues/{externalKey}"), body, $"updating issue #{externalKey}", cancellationToken);
    }

    public async Task CommentAsync(string externalKey, string text, CancellationToken cancellationToken) =>
        await _http.SendAsync(HttpMethod.Post, _http.Url($"repos/{Project}/issues/{externalKey}/comments"), new JsonObject { ["body"] = text }, $"commenting on issue #{externalKey}", cancellationToken);

    public async Task SetOpenAsync(string externalKey, bool open, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["state"] = open ? "open" : "closed", ["state_reason"] = open ? "reopened" : "completed" };
        await _http.SendAsync(HttpMethod.Patch, _http.Url($"repos/{Project}/issues/{externalKey}"), body, $"{(open ? "reopening" : "closing")} issue #{externalKey}", cancellationToken);
    }

    /// <summary>The <c>rel="next"</c> URL of a <c>link</c> header, or null on the last page.</summary>
    internal static Uri? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("link", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (pieces.Length > 1 && pieces[0].StartsWith('<') && pieces[0].EndsWith('>')
                && pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return Uri.TryCreate(pieces[0][1..^1], UriKind.Absolute, out var url) ? url : null;
            }
        }

        return null;
    }
}
