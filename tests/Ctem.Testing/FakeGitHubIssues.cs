using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Ctem.Testing;

/// <summary>
/// GitHub's Issues REST API on 127.0.0.1, as documented: create (201), get, update (state, title, body), comments (201),
/// list by label and state paged through the <c>link</c> header (pull requests included, as GitHub does). Asks for a
/// bearer token, and can answer the next requests 429 with Retry-After. Every request is kept with its headers and body.
/// </summary>
public sealed class FakeGitHubIssues : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private int _throttled;

    public FakeGitHubIssues(string repository, string token, int pageSize = 2)
    {
        Repository = repository;
        Token = token;
        PageSize = pageSize;
        var port = LocalHttpServer.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Repository { get; }

    public string Token { get; }

    public int PageSize { get; }

    public string BaseUrl { get; }

    /// <summary>Issues by number: title, body, state, labels, comments, and whether it is a pull request.</summary>
    public ConcurrentDictionary<int, FakeIssue> Issues { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The next <paramref name="times"/> requests are answered 429 with <c>Retry-After: 1</c>.</summary>
    public void Throttle(int times) => _throttled = times;

    public FakeIssue Add(string title, bool pullRequest = false, params string[] labels)
    {
        lock (_gate)
        {
            var issue = new FakeIssue(Issues.Count + 1, title, "", [.. labels], pullRequest);
            Issues[issue.Number] = issue;
            return issue;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(2)));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, request.Headers.AllKeys.ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase), body));
            var (status, answer) = Answer(request, body, response);
            response.StatusCode = status;

            // The managed HttpListener can drop a kept-alive connection between requests; one connection per request
            // keeps the tests about the client, not about that.
            response.KeepAlive = false;
            var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "");
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
    }

    private (int Status, JsonNode? Body) Answer(HttpListenerRequest request, string body, HttpListenerResponse response)
    {
        if (Interlocked.Decrement(ref _throttled) >= 0)
        {
            response.Headers["Retry-After"] = "1";
            return (429, new JsonObject { ["message"] = "API rate limit exceeded" });
        }

        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            return (401, new JsonObject { ["message"] = "Bad credentials" });
        }

        var path = request.Url!.AbsolutePath;
        var prefix = $"/repos/{Repository}/issues";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (404, new JsonObject { ["message"] = "Not Found" });
        }

        var rest = path[prefix.Length..].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (_gate)
        {
            switch (request.HttpMethod, rest)
            {
                case ("GET", []):
                    return (200, List(request, response));
                case ("POST", []):
                    var created = JsonNode.Parse(body)!;
                    var issue = new FakeIssue(Issues.Count + 1, created["title"]!.GetValue<string>(), created["body"]?.GetValue<string>() ?? "",
                        [.. created["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? []], false);
                    Issues[issue.Number] = issue;
                    return (201, Json(issue));
                case (_, [var n, ..]) when !int.TryParse(n, out var number) || !Issues.ContainsKey(number):
                    return (404, new JsonObject { ["message"] = "Not Found" });
                case ("GET", [var n]):
                    return (200, Json(Issues[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)]));
                case ("PATCH", [var n]):
                    var existing = Issues[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)];
                    var patch = JsonNode.Parse(body)!;
                    existing.Title = patch["title"]?.GetValue<string>() ?? existing.Title;
                    existing.Body = patch["body"]?.GetValue<string>() ?? existing.Body;
                    existing.State = patch["state"]?.GetValue<string>() ?? existing.State;
                    return (200, Json(existing));
                case ("POST", [var n, "comments"]):
                    Issues[int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)].Comments.Add(JsonNode.Parse(body)!["body"]!.GetValue<string>());
                    return (201, new JsonObject { ["id"] = 1 });
                default:
                    return (404, new JsonObject { ["message"] = "Not Found" });
            }
        }
    }

    private JsonArray List(HttpListenerRequest request, HttpListenerResponse response)
    {
        var label = request.QueryString["labels"];
        var state = request.QueryString["state"] ?? "open";
        var page = int.Parse(request.QueryString["page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        var matching = Issues.Values.OrderBy(i => i.Number)
            .Where(i => (label is null || i.Labels.Contains(label)) && (state == "all" || i.State == state))
            .ToList();
        var shown = matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        if (page * PageSize < matching.Count)
        {
            response.Headers["Link"] = $"<{BaseUrl}/repos/{Repository}/issues?state={state}&labels={label}&page={page + 1}>; rel=\"next\", <{BaseUrl}/repos/{Repository}/issues?page=1>; rel=\"first\"";
        }

        return new JsonArray([.. shown.Select(i => (JsonNode)Json(i))]);
    }

    private JsonObject Json(FakeIssue issue)
    {
        var json = new JsonObject
        {
            ["number"] = issue.Number,
            ["html_url"] = $"https://github.com/{Repository}/issues/{issue.Number}",
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["state"] = issue.State,
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
        };
        if (issue.PullRequest)
        {
            json["pull_request"] = new JsonObject { ["url"] = "…" };
        }

        return json;
    }
}

public sealed class FakeIssue(int number, string title, string body, List<string> labels, bool pullRequest)
{
    public int Number { get; } = number;

    public string Title { get; set; } = title;

    public string Body { get; set; } = body;

    public string State { get; set; } = "open";

    public List<string> Labels { get; } = labels;

    public bool PullRequest { get; } = pullRequest;

    public List<string> Comments { get; } = [];
}

public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
