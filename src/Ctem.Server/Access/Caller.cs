using System.Globalization;
using System.Security.Claims;
using Ctem.Core.Stores;

namespace Ctem.Server.Access;

/// <summary>Who is calling: the token's id, its team and its role, as the bearer handler put them in the principal.</summary>
public sealed record Caller(long TokenId, string Team, ApiRole Role)
{
    public const string TeamClaim = "ctem:team";
    public const string RoleClaim = "ctem:role";
    public const string TokenClaim = "ctem:token";

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new ClaimsIdentity(
        [
            new Claim(TokenClaim, TokenId.ToString(CultureInfo.InvariantCulture)),
            new Claim(TeamClaim, Team),
            new Claim(RoleClaim, Role.ToString()),
        ],
        scheme));

    /// <summary>Who the audit trail says made a decision through the API (a triage, an acceptance, an assignment): the token's team and id, never a name the request body claims.</summary>
    public string AuditName => $"{Team} (token {TokenId.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The caller of an authenticated request; null for an anonymous one.</summary>
    public static Caller? From(ClaimsPrincipal user) =>
        user.FindFirst(TokenClaim)?.Value is { } id && user.FindFirst(TeamClaim)?.Value is { } team && Enum.TryParse<ApiRole>(user.FindFirst(RoleClaim)?.Value, out var role)
            ? new Caller(long.Parse(id, CultureInfo.InvariantCulture), team, role)
            : null;
}
