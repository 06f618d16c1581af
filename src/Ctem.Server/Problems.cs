using Ctem.Core.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server;

/// <summary>Every error the API answers is an RFC 9457 problem: a status, a title, and a detail naming what was wrong.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, detail);

    /// <summary>The input could not be used at all; the diagnostics name the file and the place, as the CLI's do.</summary>
    public static ProblemHttpResult Unprocessable(string detail, IEnumerable<Diagnostic> diagnostics) =>
        Result(StatusCodes.Status422UnprocessableEntity, detail, new Dictionary<string, object?>
        {
            ["diagnostics"] = diagnostics.Select(d => new Dictionary<string, string?>
            {
                ["severity"] = d.Severity.ToString().ToLowerInvariant(),
                ["code"] = d.Code,
                ["path"] = d.Path,
                ["location"] = d.Location,
                ["message"] = d.Message,
            }).ToList(),
        });

    public static ProblemHttpResult Result(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, extensions: extensions);

    /// <summary>Writes a problem outside an endpoint (authentication, rate limiting).</summary>
    public static async Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Detail = detail } });
    }
}
