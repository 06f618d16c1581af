using Ctem.Server.Access;
using Ctem.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.FileProviders;

namespace Ctem.Server.Dashboard;

/// <summary>
/// The dashboard: Razor Pages over the same store, Engine and team access as the API (see docs/adr/002-dashboard.md).
/// A session is a cookie made from an API token at sign-in; it holds the token's id, team and role, and is refused
/// as soon as the token is revoked or expires. The cookies are protected with keys kept in the database, so any node
/// of a cluster reads any other's.
/// </summary>
internal static class DashboardSetup
{
    public const string Scheme = "Dashboard";
    public const string Policy = "dashboard";
    public const string SignInPath = "/sign-in";

    public static void AddDashboard(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "ctem_session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = SignInPath;
            options.Events.OnValidatePrincipal = RefuseUnusableTokenAsync;
        });
        // Every node on the database shares one key ring, and one application name, whatever its content root.
        services.AddDataProtection().SetApplicationName("ctem");
        services.AddOptions<KeyManagementOptions>().Configure<StoreLifetime, TimeProvider>((options, store, time) => options.XmlRepository = new StoreKeyRepository(store, time));
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ctem_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard/Pages";
            options.Conventions.AuthorizeFolder("/", Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
        })
            // The host's application is the CLI (or a test host): name the assembly that holds the pages.
            .AddApplicationPart(typeof(DashboardSetup).Assembly);
        services.AddScoped(provider => new DashboardData(provider.GetRequiredService<EngineServices>()));
    }

    public static void UseDashboardAssets(this WebApplication app) =>
        // The assets are embedded in the server's assembly, so 'ctem serve' serves them whatever its working directory.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(DashboardSetup).Assembly, "Ctem.Server.Dashboard.Assets"),
            RequestPath = "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

    private static async Task RefuseUnusableTokenAsync(CookieValidatePrincipalContext context)
    {
        var engine = context.HttpContext.RequestServices.GetRequiredService<EngineServices>();
        var caller = context.Principal is { } principal ? Caller.From(principal) : null;
        var now = engine.Time.GetUtcNow();
        var usable = caller is not null && (await engine.Store.Tokens.ListTokensAsync(context.HttpContext.RequestAborted))
            .Any(token => token.Id == caller.TokenId && token.IsUsableAt(now) && token.Team == caller.Team && token.Role == caller.Role);
        if (!usable)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>A local path to return to after sign-in; anything else (another host, a scheme) is the portfolio.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    public static string CurrentUrl(HttpRequest request) => UriHelper.BuildRelative(request.PathBase, request.Path, request.QueryString);
}
