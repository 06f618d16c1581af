using System.Globalization;
using Ctem.Engine.Access;
using Ctem.Reporting;
using Ctem.Server.Access;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary><c>/api/v1/tokens</c> and <c>/api/v1/teams</c>: admin tokens manage every team's tokens, as <c>ctem token</c> does.</summary>
internal static class TokensApi
{
    /// <summary>The body of <c>POST /api/v1/tokens</c>; expiresAt is a date (YYYY-MM-DD, UTC): the token stops working at its start.</summary>
    public sealed record TokenRequest(string? Team, string? Role, string? ExpiresAt);

    public static void MapTokens(this RouteGroupBuilder api)
    {
        api.MapGet("/tokens", ListAsync)
            .RequireAuthorization(Roles.Admin)
            .WithName("ListTokens")
            .WithSummary("Every token (never the secrets): as 'ctem token list --format json'")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json);
        api.MapPost("/tokens", CreateAsync)
            .RequireAuthorization(Roles.Admin)
            .WithName("CreateToken")
            .WithSummary("Create a token for a team; the response holds the token, shown this once")
            .Produces(StatusCodes.Status201Created, contentType: Written.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapDelete("/tokens/{id:long}", RevokeAsync)
            .RequireAuthorization(Roles.Admin)
            .WithName("RevokeToken")
            .WithSummary("Revoke a token: it stops working at once")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/teams", TeamsAsync)
            .RequireAuthorization(Roles.Admin)
            .WithName("ListTeams")
            .WithSummary("Every team that has been given a token")
            .Produces(StatusCodes.Status200OK, contentType: Written.Json);
    }

    private static async Task<IResult> ListAsync(HttpContext context, EngineServices engine)
    {
        var tokens = await engine.Store.Tokens.ListTokensAsync(context.RequestAborted);
        return Written.As(Written.Json, output => TokenJson.WriteList(output, tokens, engine.Time.GetUtcNow()));
    }

    private static async Task<IResult> CreateAsync(TokenRequest request, HttpContext context, EngineServices engine)
    {
        if (string.IsNullOrWhiteSpace(request.Team))
        {
            return Problems.BadRequest("team is required");
        }

        if (ApiTokens.ParseRole(request.Role) is not { } role)
        {
            return Problems.BadRequest($"role '{request.Role}' is not one of reader, writer, admin");
        }

        DateTimeOffset? expiresAt = null;
        if (request.ExpiresAt is { } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problems.BadRequest($"expiresAt takes a date as YYYY-MM-DD, not '{day}'");
            }

            expiresAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (expiresAt <= engine.Time.GetUtcNow())
            {
                return Problems.BadRequest($"expiresAt {day} is not in the future: the token would never work");
            }
        }

        var issued = await engine.Tokens.IssueAsync(request.Team, role, expiresAt, context.RequestAborted);
        return Written.As(Written.Json, output => TokenJson.WriteIssued(output, issued.Secret, issued.Token, engine.Time.GetUtcNow()), StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(long id, HttpContext context, EngineServices engine) =>
        await engine.Store.Tokens.RevokeTokenAsync(id, context.RequestAborted)
            ? TypedResults.NoContent()
            : Problems.NotFound($"no active token has the id {id.ToString(CultureInfo.InvariantCulture)}");

    private static async Task<IResult> TeamsAsync(HttpContext context, EngineServices engine)
    {
        var teams = await engine.Store.Tokens.ListTeamsAsync(context.RequestAborted);
        return Written.As(Written.Json, output => JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            JsonOutput.WriteStrings(writer, "teams", teams);
            writer.WriteEndObject();
        }));
    }
}
