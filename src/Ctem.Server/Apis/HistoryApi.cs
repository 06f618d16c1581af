using Ctem.Engine.History;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/products/{product}/history</c> and <c>/diff</c>: as <c>ctem history</c> and <c>ctem diff</c> write them.</summary>
internal static class HistoryApi
{
    public static void MapHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{product}/history", HistoryAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ProductHistory")
            .WithSummary("The product's runs, as 'ctem history --format json'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{product}/diff", DiffAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ProductDiff")
            .WithSummary("What changed between two runs, as 'ctem diff --format json|markdown' (default: each source's last run against the one before)")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> HistoryAsync(string product, HttpContext context, EngineServices engine)
    {
        if (!await ProductAccess.CanSeeAsync(engine.Store, Caller.From(context.User)!, product, context.RequestAborted))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var runs = await engine.Store.GetRunsAsync(product, context.RequestAborted);
        return Written.As(Written.Json, output => HistoryJson.Write(output, product, runs));
    }

    private static async Task<IResult> DiffAsync(string product, long? from, long? to, string? format, HttpContext context, EngineServices engine)
    {
        if (format is not (null or "json" or "markdown"))
        {
            return Problems.BadRequest($"format '{format}' is not one of json, markdown");
        }

        if (!await ProductAccess.CanSeeAsync(engine.Store, Caller.From(context.User)!, product, context.RequestAborted))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var (report, error) = await new FindingDiff(engine.Store).ComputeAsync(product, from, to, context.RequestAborted);
        if (report is null)
        {
            return Problems.BadRequest(error!);
        }

        return format == "markdown"
            ? Written.As("text/markdown", output => DiffReportOutput.WriteMarkdown(output, report))
            : Written.As(Written.Json, output => DiffReportOutput.WriteJson(output, report));
    }
}
