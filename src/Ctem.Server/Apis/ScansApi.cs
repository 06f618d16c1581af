using Ctem.Engine.Knowledge;
using Ctem.Engine.Discovery;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>POST /api/v1/products/{product}/scans</c>: <c>ctem scan</c> of the request body; the answer is <c>ctem scan --format json</c>.</summary>
internal static class ScansApi
{
    /// <summary>The source of API scans when the request names none: one source for every upload of the product.</summary>
    public const string DefaultSource = "api";

    private static readonly ProductUpload.Rules Rules = new([.. BuiltInPlugins.InventoryParsers.Select(p => p.Name)], "an input format", CreatesProduct: true);

    public static void MapScans(this RouteGroupBuilder api) =>
        api.MapPost("/products/{product}/scans", ScanAsync).DocumentedAsUpload(
            "ScanProduct",
            "Scan an SBOM or lockfile (the raw body) into the product's findings",
            "As 'ctem scan': the response is the JSON of 'ctem scan --format json'. Name a lockfile with Content-Disposition: attachment; filename=package-lock.json; the run records the upload by that name, else as 'api upload'. A new product is created for the token's team.");

    private static Task<IResult> ScanAsync(
        string product,
        string? source,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format-in")] string? formatIn,
        HttpContext context,
        EngineServices engine,
        ServerSettings settings) =>
        ProductUpload.ReadAsync(context, engine, settings, product, formatIn, Rules, async (scope, upload) =>
        {
            var request = new ScanRequest([upload.Path], product, formatIn) { Scope = scope, Source = source ?? DefaultSource, Names = upload.Names };
            var report = await engine.Scanner.ScanAsync(request, progress: null, context.RequestAborted);
            return report.Status == OperationStatus.Failed
                ? Problems.Unprocessable("nothing was scanned: the body is not an SBOM or lockfile Ctem reads (see diagnostics); nothing was stored", report.Diagnostics)
                : Written.As(Written.Json, output => ScanReportJson.Write(output, report, ScanReportJson.FindingsOf(report)));
        });
}
