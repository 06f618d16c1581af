using Ctem.Core.Scoping;
using Ctem.Engine.Mobilization.Acceptance;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary>
/// Decisions about one finding: <c>ctem accept</c> (under the acceptance policy of the server's scope file) and
/// <c>ctem assign</c>, answering their JSON. Who decided is the caller, never a name in the body.
/// </summary>
internal static class DecisionsApi
{
    /// <summary>The body of <c>POST /findings/{id}/accept</c>: why, and until when (a date, YYYY-MM-DD, or an ISO 8601 time).</summary>
    public sealed record AcceptBody(string? Reason, string? Until);

    /// <summary>The body of <c>POST /findings/{id}/assign</c>: the team that owns the finding from now on.</summary>
    public sealed record AssignBody(string? To);

    public static void MapDecisions(this RouteGroupBuilder api)
    {
        api.MapPost("/findings/{id:long}/accept", AcceptAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("AcceptRisk")
            .WithSummary("Accept a finding's risk until a date, within the policy of the server's scope file (acceptance.maxDays)")
            .WithDescription("As 'ctem accept': the body is {\"reason\", \"until\"}; the response is the JSON of 'ctem accept --format json'. The acceptance names the token's team and id as who accepted.")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/findings/{id:long}/assign", AssignAsync)
            .RequireAuthorization(Roles.Writer)
            .WithName("AssignFinding")
            .WithSummary("Assign a finding to a team by hand, over the scope file's owner rules")
            .WithDescription("As 'ctem assign': the body is {\"to\"}; the response is the JSON of 'ctem assign --format json'. The assignment names the token's team and id as who assigned.")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AcceptAsync(long id, AcceptBody body, HttpContext context, EngineServices engine, ScopeDocument scope)
    {
        DateTimeOffset? until = null;
        if (body.Until is { } text)
        {
            if (!RiskAcceptor.TryParseUntil(text, out var parsed))
            {
                return Problems.BadRequest($"until '{text}' is not a date (YYYY-MM-DD) or a time (ISO 8601)");
            }

            until = parsed;
        }

        if (await FindingsApi.FindAsync(id, context, engine) is not (FindingView, _))
        {
            return FindingsApi.NotFound(id);
        }

        await AcceptanceExpiry.RunAsync(engine.Store, engine.Time, context.RequestAborted);
        var request = new AcceptRequest(id, body.Reason, until, Caller.From(context.User)!.AuditName);
        var result = await engine.Acceptor.AcceptAsync(request, scope.Acceptance, context.RequestAborted);
        return result.Accepted is { } accepted
            ? Written.As(Written.Json, output => FindingDecisionJson.WriteAcceptance(output, accepted))
            : Problems.BadRequest($"{result.Refusal}; nothing was recorded");
    }

    private static async Task<IResult> AssignAsync(long id, AssignBody body, HttpContext context, EngineServices engine)
    {
        if (string.IsNullOrWhiteSpace(body.To))
        {
            return Problems.BadRequest("to is required: the team that owns the finding from now on");
        }

        if (await FindingsApi.FindAsync(id, context, engine) is not (FindingView, _))
        {
            return FindingsApi.NotFound(id);
        }

        var assigned = await engine.Store.AssignAsync(id, body.To.Trim(), Caller.From(context.User)!.AuditName, engine.Time.GetUtcNow(), context.RequestAborted);
        return assigned is null
            ? FindingsApi.NotFound(id)
            : Written.As(Written.Json, output => FindingDecisionJson.WriteAssignment(output, assigned));
    }
}
