using Ctem.Engine.Mobilization.Acceptance;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/plan</c>: <c>ctem plan</c> over the team's products.</summary>
internal static class PlanApi
{
    public static void MapPlan(this RouteGroupBuilder api) =>
        api.MapGet("/plan", PlanAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("Plan")
            .WithSummary("The upgrades that fix the open findings, most risk removed first: as 'ctem plan --format json|markdown', over the team's products")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> PlanAsync(string? product, string? format, HttpContext context, EngineServices engine)
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

        // As the CLI: an acceptance whose date has come no longer hides its findings from the plan.
        await AcceptanceExpiry.RunAsync(engine.Store, engine.Time, context.RequestAborted);
        var plan = await engine.Planner.PlanAsync(product, visible, context.RequestAborted);
        return format == "markdown"
            ? Written.As("text/markdown", output => PlanReportOutput.WriteMarkdown(output, product, plan))
            : Written.As(Written.Json, output => PlanReportOutput.WriteJson(output, product, plan));
    }
}
