using Ctem.Engine.Mobilization.Sla;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/sla</c>: <c>ctem sla</c> over the team's products.</summary>
internal static class SlaApi
{
    public static void MapSla(this RouteGroupBuilder api) =>
        api.MapGet("/sla", SlaAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("Sla")
            .WithSummary("Breached and soon-due findings, compliance per product and owner, MTTR: as 'ctem sla --format json|markdown', over the team's products")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> SlaAsync(string? product, string? owner, string? format, HttpContext context, EngineServices engine)
    {
        if (format is not (null or "json" or "markdown"))
        {
            return Problems.BadRequest($"format '{format}' is not one of json, markdown");
        }

        var visible = await ProductAccess.VisibleAsync(engine.Store, Caller.From(context.User)!, context.RequestAborted);
        if (product is not null && !visible.Contains(product))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var report = await SlaReporter.ReportAsync(engine.Store, product, owner, visible, engine.Time.GetUtcNow(), context.RequestAborted);
        return format == "markdown"
            ? Written.As("text/markdown", output => SlaReportOutput.WriteMarkdown(output, report))
            : Written.As(Written.Json, output => SlaReportOutput.WriteJson(output, report));
    }
}
