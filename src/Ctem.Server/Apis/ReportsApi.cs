using Ctem.Engine.Knowledge;
using Ctem.Engine.Discovery.Reports;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>POST /api/v1/products/{product}/reports</c>: <c>ctem ingest</c> of the request body; the answer is <c>ctem ingest --format json</c>.</summary>
internal static class ReportsApi
{
    public static void MapReports(this RouteGroupBuilder api) =>
        api.MapPost("/products/{product}/reports", IngestAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("IngestReport")
            .WithSummary("Ingest a scanner report (Trivy, Grype, SARIF, …; the raw body) into the product's findings")
            .WithDescription("As 'ctem ingest': the response is the JSON of 'ctem ingest --format json'. A new product is created for the token's team.")
            .Accepts<byte[]>("*/*")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> IngestAsync(
        string product,
        string? source,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format-in")] string? formatIn,
        HttpContext context,
        EngineServices engine,
        ServerSettings settings)
    {
        var cancellationToken = context.RequestAborted;
        if (formatIn is not null && !BuiltInPlugins.ReportParsers.Any(p => p.Name == formatIn))
        {
            return Problems.BadRequest($"format-in '{formatIn}' is not a report format; one of: {string.Join(", ", BuiltInPlugins.ReportParsers.Select(p => p.Name))}");
        }

        var caller = Caller.From(context.User)!;
        var (scope, refused) = await WriteScope.ForAsync(engine.Store, caller, product, cancellationToken);
        if (scope is null)
        {
            return refused!;
        }

        var (upload, problem) = await Upload.SaveAsync(context.Request, settings, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }

        using (upload)
        {
            var request = new IngestRequest([upload.Path], product, formatIn) { Scope = scope, Source = source };
            var report = await engine.Ingester.IngestAsync(request, cancellationToken);
            if (report.Status == OperationStatus.Failed)
            {
                return Problems.Unprocessable("nothing was ingested: the body is not a report Ctem reads (see diagnostics); nothing was stored", report.Diagnostics);
            }

            return Written.As(Written.Json, output => IngestReportJson.Write(output, report, IngestReportJson.FindingsOf(report)));
        }
    }
}
