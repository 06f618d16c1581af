using Ctem.Core.Scoping;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary>
/// What every endpoint that takes a document as its raw body for a product (a scan, a report, VEX) does before the Engine
/// reads it: the route's documentation, the <c>format-in</c> check, the team's write access, and the body saved as an
/// <see cref="Upload"/>.
/// </summary>
internal static class ProductUpload
{
    /// <param name="Formats">The readers <c>format-in</c> may name.</param>
    /// <param name="Kind">What those readers read, for the refusal: "an input format", "a report format".</param>
    /// <param name="CreatesProduct">Whether an unknown product is created for the caller's team (scans, reports), or is not found (VEX).</param>
    public sealed record Rules(IReadOnlyCollection<string> Formats, string Kind, bool CreatesProduct);

    /// <summary>The upload endpoints' common documentation; the role is writer.</summary>
    public static RouteHandlerBuilder DocumentedAsUpload(this RouteHandlerBuilder route, string name, string summary, string description) =>
        route.RequireAuthorization(Roles.Writer)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .Accepts<byte[]>("*/*")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Runs <paramref name="read"/> on the saved body with the scope to assess with, or answers the problem that stops it:
    /// an unknown format (400), another team's product (404), an empty body (400) or one too large (413).
    /// </summary>
    public static async Task<IResult> ReadAsync(
        HttpContext context,
        EngineServices engine,
        ServerSettings settings,
        string product,
        string? formatIn,
        Rules rules,
        Func<ScopeDocument, Upload, Task<IResult>> read)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(read);
        var cancellationToken = context.RequestAborted;
        if (formatIn is not null && !rules.Formats.Contains(formatIn))
        {
            return Problems.BadRequest($"format-in '{formatIn}' is not {rules.Kind}; one of: {string.Join(", ", rules.Formats)}");
        }

        var caller = Caller.From(context.User)!;
        var (scope, refused) = rules.CreatesProduct
            ? await WriteScope.ForAsync(engine.Store, caller, product, cancellationToken)
            : await ProductAccess.CanSeeAsync(engine.Store, caller, product, cancellationToken) ? (ScopeDocument.Empty, null) : (null, Problems.NotFound($"no product named '{product}'"));
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
            return await read(scope, upload);
        }
    }
}
