using Ctem.Core.Stores;
using Microsoft.AspNetCore.Authorization;

namespace Ctem.Server.Access;

/// <summary>The authorization policies, one per role; a role may do what the roles below it may.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Writer = "writer";
    public const string Admin = "admin";

    public static void AddPolicies(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, role) in new[] { (Reader, ApiRole.Reader), (Writer, ApiRole.Writer), (Admin, ApiRole.Admin) })
        {
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Caller.From(context.User)?.Role >= role));
        }

        // Deny by default: an endpoint that names no policy still needs a token.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
