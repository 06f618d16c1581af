using Ctem.Engine.Graph;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/products/{product}/graph</c> and <c>/paths</c>: as <c>ctem graph</c> and <c>ctem paths</c> write them.</summary>
internal static class GraphApi
{
    public static void MapGraph(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{product}/graph", GraphAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ProductGraph")
            .WithSummary("The product's exposure graph as built after its latest run, as 'ctem graph --format json|dot|mermaid'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "text/vnd.graphviz")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{product}/paths", PathsAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ProductPaths")
            .WithSummary("Attack paths to crown jewels, choke points and the minimum cut, as 'ctem paths --format json|markdown'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GraphAsync(string product, string? format, HttpContext context, EngineServices engine)
    {
        if (format is not (null or "json" or GraphOutput.Dot or GraphOutput.Mermaid))
        {
            return Problems.BadRequest($"format '{format}' is not one of json, dot, mermaid");
        }

        if (await LatestAsync(product, context, engine) is not { } stored)
        {
            return Problems.NotFound($"no graph for a product named '{product}': it is built by each scan and ingest");
        }

        var onPaths = PathAnalysis.Of(stored.Graph).Paths.SelectMany(p => p.Nodes).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        return format switch
        {
            GraphOutput.Dot => Written.As("text/vnd.graphviz", output => GraphOutput.WriteDot(output, stored.Graph, onPaths)),
            GraphOutput.Mermaid => Written.As("text/plain", output => GraphOutput.WriteMermaid(output, stored.Graph, onPaths)),
            _ => Written.As(Written.Json, output => GraphOutput.WriteJson(output, stored)),
        };
    }

    private static async Task<IResult> PathsAsync(string product, string? to, int? top, string? format, HttpContext context, EngineServices engine)
    {
        if (format is not (null or "json" or "markdown"))
        {
            return Problems.BadRequest($"format '{format}' is not one of json, markdown");
        }

        if (top is < 1 or > PathAnalysis.MaxPaths)
        {
            return Problems.BadRequest($"top takes a whole number from 1 to {PathAnalysis.MaxPaths}, not {top}");
        }

        if (await LatestAsync(product, context, engine) is not { } stored)
        {
            return Problems.NotFound($"no graph for a product named '{product}': it is built by each scan and ingest");
        }

        if (to is not null && !stored.Graph.CrownJewels.Any(n => n.Name == to))
        {
            return Problems.BadRequest($"'{to}' is not a crown jewel of {product}");
        }

        var analysis = PathAnalysis.Of(stored.Graph, to);
        return format == "markdown"
            ? Written.As("text/markdown", output => PathsOutput.WriteMarkdown(output, product, analysis, top))
            : Written.As(Written.Json, output => PathsOutput.WriteJson(output, product, analysis, top));
    }

    private static async Task<Core.Graph.StoredGraph?> LatestAsync(string product, HttpContext context, EngineServices engine) =>
        await ProductAccess.CanSeeAsync(engine.Store, Caller.From(context.User)!, product, context.RequestAborted)
            ? await engine.Store.GetLatestGraphAsync(product, context.RequestAborted)
            : null;
}
