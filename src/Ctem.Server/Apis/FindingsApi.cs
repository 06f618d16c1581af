using System.Globalization;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/findings</c>: the findings of the token's team, with the CLI's finding objects; one finding's detail, explanation and history.</summary>
internal static class FindingsApi
{
    private static readonly string[] Statuses = ["open", "resolved", "all"];
    private static readonly string[] Priorities = ["critical", "high", "medium", "low"];

    public static void MapFindings(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", ListAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ListFindings")
            .WithSummary("List findings: filters product, status, priority, owner, kev and text; sorted; paged with a cursor")
            .WithDescription("The response is {\"findings\": […], \"next\"}: finding objects identical to 'ctem findings --format json'; next is the relative URL of the next page, null on the last. format=sarif|csv|markdown writes the page as the CLI does, with the next page in a Link header.")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "application/sarif+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/findings/{id:long}", DetailAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("GetFinding")
            .WithSummary("One finding, as the CLI's JSON writes it")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/findings/{id:long}/explanation", ExplainAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ExplainFinding")
            .WithSummary("Why a finding has its priority: the finding with its risk factors, and the sources that report it")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/findings/{id:long}/history", HistoryAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("FindingHistory")
            .WithSummary("A finding's history: opened, resolved, reopened and priority changes, oldest first")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        EngineServices engine,
        string? product,
        string? status,
        string? priority,
        string? owner,
        bool? kev,
        string? text,
        string? sort,
        string? cursor,
        int? limit,
        string? format)
    {
        var cancellationToken = context.RequestAborted;
        var chosenStatus = status ?? "open";
        var chosenSort = sort ?? "priority";
        var chosenFormat = format ?? "json";
        var priorities = (priority ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Refusal(chosenStatus, chosenSort, chosenFormat, priorities, limit) is { } refusal)
        {
            return Problems.BadRequest(refusal);
        }

        var caller = Caller.From(context.User)!;
        var visible = await ProductAccess.VisibleAsync(engine.Store, caller, cancellationToken);
        if (product is not null && !visible.Contains(product))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var filter = new FindingFilter(product, Enum.Parse<FindingStatusFilter>(chosenStatus, ignoreCase: true)) { Owner = owner };
        if (!FindingPaging.TryRead(cursor, chosenSort, out var after))
        {
            return Problems.BadRequest($"cursor '{cursor}' is not one this listing wrote (take 'next' of the previous page, with the same sort)");
        }

        var take = limit ?? FindingPaging.DefaultLimit;
        bool Wanted(FindingView f) =>
            visible.Contains(f.Product)
            && (priorities.Length == 0 || (f.Risk is { } risk && priorities.Contains(JsonOutput.Name(risk.Priority))))
            && (kev is null || (f.Exploitation?.Kev is not null) == kev)
            && (text is null || Mentions(f, text));
        var page = chosenSort == "due"
            ? await DueOrderAsync(engine, filter, after, take, Wanted, cancellationToken)
            : await StoreOrderAsync(engine, new FindingPageRequest(filter, chosenSort == "id" ? FindingOrder.Id : FindingOrder.Priority, take + 1)
            {
                Products = product is null ? [.. visible] : null,
                Priorities = priorities,
                Kev = kev,
                Text = text,
                After = after?.Position,
            }, take, Wanted, cancellationToken);
        var next = page.Count > take ? NextUrl(context.Request, FindingPaging.Cursor(page[take - 1], chosenSort)) : null;
        page = page.Take(take).ToList();
        if (chosenFormat == "json")
        {
            return Written.As(Written.Json, output => FindingsJson.Write(output, page, new FindingsPage(next)));
        }

        var writer = FindingWriters.Find(chosenFormat)!;
        if (next is not null)
        {
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return Written.As(writer.MediaType, output => writer.Write(output, page));
    }

    // The store filters, orders and cuts the page; the exact filters run again on what it returns (its text match
    // ignores ASCII case only), reading on until the page is full or the store has no more.
    private static async Task<List<FindingView>> StoreOrderAsync(
        EngineServices engine, FindingPageRequest request, int take, Func<FindingView, bool> wanted, CancellationToken cancellationToken)
    {
        var page = new List<FindingView>();
        while (true)
        {
            var stored = await engine.Store.GetFindingPageAsync(request, cancellationToken);
            var views = await FindingQuery.ViewsAsync(engine.Store, stored, cancellationToken);
            page.AddRange(views.Where(wanted));
            if (page.Count > take || stored.Count < request.Limit)
            {
                return [.. page.Take(take + 1)];
            }

            request = request with { After = FindingPaging.PositionOf(views[^1]) };
        }
    }

    // The due date joins KEV's at read time, so no index holds its order: the filtered findings are sorted here.
    private static async Task<List<FindingView>> DueOrderAsync(
        EngineServices engine, FindingFilter filter, FindingPaging.Key? after, int take, Func<FindingView, bool> wanted, CancellationToken cancellationToken)
    {
        var findings = (await FindingQuery.LoadAsync(engine.Store, filter, where: null, cancellationToken)).Where(wanted);
        return [.. FindingPaging.After(FindingPaging.Sorted(findings, "due"), "due", after).Take(take + 1)];
    }

    private static string? Refusal(string status, string sort, string format, string[] priorities, int? limit)
    {
        if (!Statuses.Contains(status))
        {
            return $"status '{status}' is not one of {string.Join(", ", Statuses)}";
        }

        if (!FindingPaging.Sorts.Contains(sort))
        {
            return $"sort '{sort}' is not one of {string.Join(", ", FindingPaging.Sorts)}";
        }

        if (FindingWriters.Find(format) is null)
        {
            return $"format '{format}' is not one of {string.Join(", ", FindingWriters.All.Select(w => w.Format))}";
        }

        if (priorities.FirstOrDefault(p => !Priorities.Contains(p)) is { } unknown)
        {
            return $"priority '{unknown}' is not one of {string.Join(", ", Priorities)} (several: priority=critical,high)";
        }

        return limit is < 1 or > FindingPaging.MaxLimit ? $"limit {limit} is not from 1 to {FindingPaging.MaxLimit}" : null;
    }

    internal static bool Mentions(FindingView finding, string text) =>
        new[] { finding.Vulnerability.Id, finding.Vulnerability.Summary, finding.Purl, finding.Name, finding.Product }
            .Concat(finding.Vulnerability.Aliases)
            .Any(value => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    // The same request with the next cursor: the filters, sort and limit carry over.
    private static string NextUrl(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        query.Add(new("cursor", cursor));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    private static async Task<IResult> DetailAsync(long id, HttpContext context, EngineServices engine) =>
        await FindAsync(id, context, engine) is (FindingView finding, _)
            ? Written.As(Written.Json, output => FindingDetailJson.WriteFinding(output, finding))
            : NotFound(id);

    private static async Task<IResult> ExplainAsync(long id, HttpContext context, EngineServices engine)
    {
        if (await FindAsync(id, context, engine) is not (FindingView finding, _))
        {
            return NotFound(id);
        }

        var sources = await engine.Store.GetFindingSourcesAsync(id, context.RequestAborted);
        return Written.As(Written.Json, output => FindingDetailJson.WriteExplanation(output, finding, sources));
    }

    private static async Task<IResult> HistoryAsync(long id, HttpContext context, EngineServices engine)
    {
        if (await FindAsync(id, context, engine) is not (FindingView finding, _))
        {
            return NotFound(id);
        }

        var events = (await engine.Store.GetFindingEventsAsync(finding.Product, 0, long.MaxValue, context.RequestAborted)).Where(e => e.FindingId == id).ToList();
        return Written.As(Written.Json, output => FindingDetailJson.WriteHistory(output, id, events));
    }

    /// <summary>The finding if the caller's team may see it: another team's finding is not found, as another team's product is.</summary>
    internal static async Task<(FindingView? Finding, bool Found)> FindAsync(long id, HttpContext context, EngineServices engine)
    {
        var caller = Caller.From(context.User)!;
        var visible = await ProductAccess.VisibleAsync(engine.Store, caller, context.RequestAborted);
        var found = await FindingQuery.LoadAsync(engine.Store, new FindingFilter(null, FindingStatusFilter.All) { Ids = [id] }, f => visible.Contains(f.Product), context.RequestAborted);
        return found.Count == 1 ? (found[0], true) : (null, false);
    }

    internal static IResult NotFound(long id) => Problems.NotFound($"no finding has the id {id.ToString(CultureInfo.InvariantCulture)}");
}
