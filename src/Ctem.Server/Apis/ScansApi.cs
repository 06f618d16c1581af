using Ctem.Engine.Knowledge;
using Ctem.Engine.Discovery;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>POST /api/v1/products/{product}/scans</c>: <c>ctem scan</c> of the request body; the answer is <c>ctem scan --format json</c>.</summary>
internal static class ScansApi
{
    /// <summary>The source of API scans when the request names none: one source for every upload of the product.</summary>
    public const string DefaultSource = "api";

    public static void MapScans(this RouteGroupBuilder api) =>
        api.MapPost("/products/{product}/scans", ScanAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("ScanProduct")
            .WithSummary("Scan an SBOM or lockfile (the raw body) into the product's findings")
            .WithDescription("As 'ctem scan': the response is the JSON of 'ctem scan --format json'. Name a lockfile with Content-Disposition: attachment; filename=package-lock.json. A new product is created for the token's team.")
            .Accepts<byte[]>("*/*")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> ScanAsync(
        string product,
        string? source,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format-in")] string? formatIn,
        HttpContext context,
        EngineServices engine,
        ServerSettings settings)
    {
        var cancellationToken = context.RequestAborted;
        if (formatIn is not null && !BuiltInPlugins.InventoryParsers.Any(p => p.Name == formatIn))
        {
            return Problems.BadRequest($"format-in '{formatIn}' is not an input format; one of: {string.Join(", ", BuiltInPlugins.InventoryParsers.Select(p => p.Name))}");
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
            var request = new ScanRequest([upload.Path], product, formatIn) { Scope = scope, Source = source ?? DefaultSource };
            var report = await engine.Scanner.ScanAsync(request, progress: null, cancellationToken);
            if (report.Status == OperationStatus.Failed)
            {
                return Problems.Unprocessable("nothing was scanned: the body is not an SBOM or lockfile Ctem reads (see diagnostics); nothing was stored", report.Diagnostics);
            }

            return Written.As(Written.Json, output => ScanReportJson.Write(output, report, ScanReportJson.FindingsOf(report)));
        }
    }
}
