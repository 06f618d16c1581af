using Ctem.Engine.Knowledge;
using Ctem.Engine.Discovery.Reports;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>POST /api/v1/products/{product}/reports</c>: <c>ctem ingest</c> of the request body; the answer is <c>ctem ingest --format json</c>.</summary>
internal static class ReportsApi
{
    private static readonly ProductUpload.Rules Rules = new([.. BuiltInPlugins.ReportParsers.Select(p => p.Name)], "a report format", CreatesProduct: true);

    public static void MapReports(this RouteGroupBuilder api) =>
        api.MapPost("/products/{product}/reports", IngestAsync).DocumentedAsUpload(
            "IngestReport",
            "Ingest a scanner report (Trivy, Grype, SARIF, …; the raw body) into the product's findings",
            "As 'ctem ingest': the response is the JSON of 'ctem ingest --format json'. The runs record the upload by its Content-Disposition file name, else as 'api upload'. A new product is created for the token's team.");

    private static Task<IResult> IngestAsync(
        string product,
        string? source,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format-in")] string? formatIn,
        HttpContext context,
        EngineServices engine,
        ServerSettings settings) =>
        ProductUpload.ReadAsync(context, engine, settings, product, formatIn, Rules, async (scope, upload) =>
        {
            var request = new IngestRequest([upload.Path], product, formatIn) { Scope = scope, Source = source, Names = upload.Names };
            var report = await engine.Ingester.IngestAsync(request, context.RequestAborted);
            return report.Status == OperationStatus.Failed
                ? Problems.Unprocessable("nothing was ingested: the body is not a report Ctem reads (see diagnostics); nothing was stored", report.Diagnostics)
                : Written.As(Written.Json, output => IngestReportJson.Write(output, report, IngestReportJson.FindingsOf(report)));
        });
}
