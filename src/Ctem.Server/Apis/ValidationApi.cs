using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary>
/// Triage and VEX (the Validation stage): <c>ctem triage</c>, <c>ctem vex import</c>, <c>ctem vex export</c> and
/// <c>ctem vex suggest [--apply]</c> over the team's findings and products, answering their JSON (and VEX documents).
/// </summary>
internal static class ValidationApi
{
    /// <summary>The body of <c>POST /findings/{id}/triage</c>, as <c>ctem triage</c>'s options; who triaged is the caller.</summary>
    public sealed record TriageBody(string? State, string? Justification = null, string? Detail = null);

    private static readonly string[] ExportFormats = [.. BuiltInPlugins.VexWriters.Select(w => w.Format)];

    // As 'ctem vex import --format-in': a reader's name, or its family before '/'.
    private static readonly ProductUpload.Rules ImportRules = new(
        [.. BuiltInPlugins.VexReaders.Select(r => r.Name).Concat(BuiltInPlugins.VexReaders.Select(r => r.Name.Split('/')[0])).Distinct(StringComparer.Ordinal)],
        "a VEX format",
        CreatesProduct: false);

    public static void MapValidation(this RouteGroupBuilder api)
    {
        api.MapPost("/findings/{id:long}/triage", TriageAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("TriageFinding")
            .WithSummary("Record an analysis of one finding (not_affected, affected, fixed, under_investigation, false_positive), by the caller")
            .WithDescription("As 'ctem triage': the body is {\"state\", \"justification\", \"detail\"}; the response is the JSON of 'ctem triage --format json', the finding after it. The audit entry names the token's team and id.")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/products/{product}/vex", ImportAsync).DocumentedAsUpload(
            "ImportVex",
            "Record the VEX statements of an OpenVEX, CycloneDX VEX or CSAF VEX document (the raw body), bound to the product",
            "As 'ctem vex import --product': the response is the JSON of 'ctem vex import --format json'. format-in names the reader instead of detection.");
        api.MapGet("/products/{product}/vex", ExportAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("ExportVex")
            .WithSummary("Every vulnerability known for the product with its state, as OpenVEX, CycloneDX VEX or CSAF VEX: 'ctem vex export'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/products/{product}/vex/suggestions", SuggestAsync)
            .RequireAuthorization(Roles.Reader)
            .WithName("SuggestVex")
            .WithSummary("VEX statements Ctem's evidence backs, for review: 'ctem vex suggest --format json'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/products/{product}/vex/suggestions/apply", ApplyAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("ApplyVexSuggestions")
            .WithSummary("Record the suggested statements, with author ctem: 'ctem vex suggest --apply --format json'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> TriageAsync(long id, TriageBody body, HttpContext context, EngineServices engine)
    {
        if (body.State is null || VexNames.StateOf(body.State) is not { } state)
        {
            return Problems.BadRequest($"state '{body.State}' is not one of {string.Join(", ", VexNames.States)}");
        }

        var justification = body.Justification is null ? VexJustification.Unspecified : VexNames.JustificationOf(body.Justification);
        if (justification is null)
        {
            return Problems.BadRequest($"justification '{body.Justification}' is not one of {string.Join(", ", VexNames.Justifications)}");
        }

        if (await FindingsApi.FindAsync(id, context, engine) is not (FindingView, _))
        {
            return FindingsApi.NotFound(id);
        }

        var request = new TriageRequest(id, state, Caller.From(context.User)!.AuditName) { Justification = justification.Value, Detail = body.Detail };
        var result = await engine.Triage.RecordAsync(request, context.RequestAborted);
        return result.Finding is { } finding
            ? Written.As(Written.Json, output => VexReportJson.WriteTriage(output, finding))
            : Problems.BadRequest(result.Error!);
    }

    private static Task<IResult> ImportAsync(
        string product,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format-in")] string? formatIn,
        HttpContext context,
        EngineServices engine,
        ServerSettings settings) =>
        ProductUpload.ReadAsync(context, engine, settings, product, formatIn, ImportRules, async (_, upload) =>
        {
            var report = await engine.VexImporter.ImportAsync(new VexImportRequest([upload.Path], product, formatIn) { Names = upload.Names }, context.RequestAborted);
            return report.Status == OperationStatus.Failed
                ? Problems.Unprocessable("nothing was recorded: the body is not a VEX document Ctem reads (see diagnostics)", report.Diagnostics)
                : Written.As(Written.Json, output => VexReportJson.WriteImport(output, report));
        });

    private static async Task<IResult> ExportAsync(string product, string? format, string? release, HttpContext context, EngineServices engine, ScopeDocument scope)
    {
        var chosen = format ?? ExportFormats[0];
        if (BuiltInPlugins.VexWriters.FirstOrDefault(w => w.Format == chosen) is not { } writer)
        {
            return Problems.BadRequest($"format '{chosen}' is not one of {string.Join(", ", ExportFormats)}");
        }

        if (!await ProductAccess.CanSeeAsync(engine.Store, Caller.From(context.User)!, product, context.RequestAborted))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var export = await engine.VexExporter.ExportAsync(new VexExportRequest(product, release, scope.Vex, "ctem", ToolVersion.Current), context.RequestAborted);
        using var buffer = new MemoryStream();
        writer.Write(export, buffer);
        return Written.As(Written.Json, output => output.Write(Encoding.UTF8.GetString(buffer.ToArray())));
    }

    private static Task<IResult> SuggestAsync(string product, HttpContext context, EngineServices engine) =>
        SuggestionsAsync(product, apply: false, context, engine);

    private static Task<IResult> ApplyAsync(string product, HttpContext context, EngineServices engine) =>
        SuggestionsAsync(product, apply: true, context, engine);

    private static async Task<IResult> SuggestionsAsync(string product, bool apply, HttpContext context, EngineServices engine)
    {
        if (!await ProductAccess.CanSeeAsync(engine.Store, Caller.From(context.User)!, product, context.RequestAborted))
        {
            return Problems.NotFound($"no product named '{product}'");
        }

        var suggester = engine.VexSuggester;
        var suggestions = await suggester.SuggestAsync(product, VexSuggestionKinds.All, context.RequestAborted);
        var applied = apply && suggestions.Count > 0 ? await suggester.ApplyAsync(product, suggestions, context.RequestAborted) : null;
        return Written.As(Written.Json, output => VexReportJson.WriteSuggestions(output, suggestions, applied));
    }
}
