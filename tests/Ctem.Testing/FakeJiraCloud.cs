using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Ctem.Testing;

/// <summary>
/// Jira Cloud's REST v3 on 127.0.0.1, as documented: create issue (201 with id, key, self), edit (204), comment (201),
/// transitions (list; apply: 204), and the JQL search <c>/rest/api/3/search/jql</c> paged by <c>nextPageToken</c>. The old
/// <c>/rest/api/3/search</c> answers 410. Asks for Basic auth; can answer the next requests 429 with Retry-After.
/// </summary>
public sealed class FakeJiraCloud : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly string _authorization;
    private int _throttled;

    public FakeJiraCloud(string project, string email, string token, int pageSize = 2)
    {
        Project = project;
        PageSize = pageSize;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}"));
        BaseUrl = $"http://127.0.0.1:{LocalHttpServer.FreePort()}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Project { get; }

    public int PageSize { get; }

    public string BaseUrl { get; }

    /// <summary>Issues by key: summary, description (ADF), status category (new, indeterminate, done), labels, comments (ADF).</summary>
    public ConcurrentDictionary<string, JiraIssue> Issues { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests the fake could not read, with why: a test expecting none asserts this is empty.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    public void Throttle(int times) => _throttled = times;

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
            (int Status, JsonNode? Body) answered;
            try
            {
                answered = Answer(request, body, response);
            }
#pragma warning disable CA1031 // A fake server answers whatever it cannot read, as the real one would, and says why.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A request the fake cannot read is the client's fault as the real API would see it: 400, with why.
                answered = (400, new JsonObject { ["errorMessages"] = new JsonArray(ex.Message) });
                Failures.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery}: {ex}");
            }

            var (status, answer) = answered;
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
            response.Headers["RateLimit-Reason"] = "jira-burst-based";
            return (429, new JsonObject { ["errorMessages"] = new JsonArray("Rate limit exceeded") });
        }

        if (request.Headers["Authorization"] != _authorization)
        {
            return (401, new JsonObject { ["errorMessages"] = new JsonArray("Client must be authenticated to access this resource.") });
        }

        var parts = request.Url!.AbsolutePath.Trim('/').Split('/');
        lock (_gate)
        {
            switch (request.HttpMethod, parts)
            {
                case ("GET" or "POST", ["rest", "api", "3", "search"]):
                    return (410, new JsonObject { ["errorMessages"] = new JsonArray("The requested API has been removed.") });
                case ("POST", ["rest", "api", "3", "search", "jql"]):
                    return (200, Search(JsonNode.Parse(body)!));
                case ("POST", ["rest", "api", "3", "issue"]):
                    var fields = JsonNode.Parse(body)!["fields"]!;
                    if (fields["project"]?["key"]?.GetValue<string>() != Project)
                    {
                        return (400, new JsonObject { ["errors"] = new JsonObject { ["project"] = "valid project is required" } });
                    }

                    var key = $"{Project}-{Issues.Count + 1}";
                    Issues[key] = new JiraIssue(key, fields["summary"]!.GetValue<string>(), fields["description"]!.DeepClone(), [.. fields["labels"]?.AsArray().Select(l => l!.GetValue<string>()) ?? []], fields["issuetype"]?["name"]?.GetValue<string>());
                    return (201, new JsonObject { ["id"] = (10000 + Issues.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), ["key"] = key, ["self"] = $"{BaseUrl}/rest/api/3/issue/{key}" });
                case (_, ["rest", "api", "3", "issue", var k, ..]) when !Issues.ContainsKey(k):
                    return (404, new JsonObject { ["errorMessages"] = new JsonArray("Issue does not exist or you do not have permission to see it.") });
                case ("PUT", ["rest", "api", "3", "issue", var k]):
                    var edit = JsonNode.Parse(body)!["fields"]!;
                    Issues[k].Summary = edit["summary"]?.GetValue<string>() ?? Issues[k].Summary;
                    Issues[k].Description = edit["description"]?.DeepClone() ?? Issues[k].Description;
                    return (204, null);
                case ("POST", ["rest", "api", "3", "issue", var k, "comment"]):
                    Issues[k].Comments.Add(JsonNode.Parse(body)!["body"]!.DeepClone());
                    return (201, new JsonObject { ["id"] = "1" });
                case ("GET", ["rest", "api", "3", "issue", _, "transitions"]):
                    return (200, new JsonObject { ["transitions"] = new JsonArray(Transition("11", "To Do", "new"), Transition("21", "In Progress", "indeterminate"), Transition("31", "Done", "done")) });
                case ("POST", ["rest", "api", "3", "issue", var k, "transitions"]):
                    Issues[k].Category = JsonNode.Parse(body)!["transition"]!["id"]!.GetValue<string>() switch { "11" => "new", "21" => "indeterminate", _ => "done" };
                    return (204, null);
                default:
                    return (404, new JsonObject { ["errorMessages"] = new JsonArray("Not found") });
            }
        }
    }

    // Understands the one query shape Ctem sends: project and label; pages by an opaque token, as Jira does.
    private JsonObject Search(JsonNode query)
    {
        var jql = query["jql"]!.GetValue<string>();
        var start = query["nextPageToken"]?.GetValue<string>() is { } token ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var matching = Issues.Values.Where(i => jql.Contains($"project = \"{Project}\"", StringComparison.Ordinal) && i.Labels.Any(l => jql.Contains($"labels = \"{l}\"", StringComparison.Ordinal)))
            .OrderBy(i => int.Parse(i.Key[(Project.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var page = matching.Skip(start).Take(PageSize).ToList();
        var last = start + PageSize >= matching.Count;
        var answer = new JsonObject
        {
            ["issues"] = new JsonArray([.. page.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Key,
                ["key"] = i.Key,
                ["fields"] = new JsonObject { ["status"] = new JsonObject { ["name"] = i.Category, ["statusCategory"] = new JsonObject { ["key"] = i.Category } } },
            })]),
            ["isLast"] = last,
        };
        if (!last)
        {
            answer["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return answer;
    }

    private static JsonObject Transition(string id, string name, string category) =>
        new() { ["id"] = id, ["name"] = name, ["to"] = new JsonObject { ["name"] = name, ["statusCategory"] = new JsonObject { ["key"] = category } } };
}

public sealed class JiraIssue(string key, string summary, JsonNode description, List<string> labels, string? issueType)
{
    public string Key { get; } = key;

    public string Summary { get; set; } = summary;

    public JsonNode Description { get; set; } = description;

    public List<string> Labels { get; } = labels;

    public string? IssueType { get; } = issueType;

    public string Category { get; set; } = "new";

    public List<JsonNode> Comments { get; } = [];
}
