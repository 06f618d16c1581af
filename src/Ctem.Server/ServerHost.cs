using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Ctem.Engine.Access;
using Ctem.Server.Access;
using Ctem.Server.Apis;
using Ctem.Server.Dashboard;
using Ctem.Server.Hosting;
using Ctem.Server.Schedules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ctem.Server;

/// <summary>
/// The server's composition root: ASP.NET Core minimal APIs over the same Engine, Storage and writers as the CLI.
/// <c>ctem serve</c> calls <see cref="RunAsync"/>; tests build the same application through its entry point.
/// Services are registered with DI so that continuous jobs can be added as hosted services.
/// </summary>
public static class ServerHost
{
    /// <summary>Builds the server; <paramref name="settings"/> null reads them from configuration (<c>Ctem:Database</c>, …).</summary>
    public static WebApplication Build(string[] args, ServerSettings? settings = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        settings ??= FromConfiguration(builder.Configuration);
        if (settings.Urls is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes);

        // A start that fails (no database, an address in use) is the caller's one-line error, not a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = settings.ShutdownTimeout);
        time ??= TimeProvider.System;
        AddServices(builder.Services, settings, time);
        var scope = ServerScope.Load(settings.ScopeFile);
        builder.Services.AddSingleton(scope);
        SchedulerServices.Add(builder.Services, settings, scope, time);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the process is asked to stop (SIGTERM, Ctrl-C); returns when requests in flight have finished.</summary>
    /// <param name="announce">Where to say the addresses it listens on (stderr), once it does.</param>
    public static async Task RunAsync(ServerSettings settings, TextWriter announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(announce);
        await using var app = Build([], settings);
        await app.StartAsync(cancellationToken);
        var store = app.Services.GetRequiredService<StoreLifetime>().Store;
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            await announce.WriteLineAsync($"ctem serve: listening on {address} (database: {store.Description})");
        }

        if (app.Services.GetService<ScheduleNode>() is { } node)
        {
            var count = app.Services.GetRequiredService<Core.Scoping.ScopeDocument>().Schedules.All.Count();
            var jobStore = Storage.CtemStoreFactory.PostgresConnectionString(settings.Database) is null ? "in memory, this node only" : "clustered on the database";
            await announce.WriteLineAsync($"ctem serve: scheduler node {node.Id} runs {count} schedule(s) ({jobStore})");
        }

        await announce.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static ServerSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(ServerSettings.Section);
        var database = section["Database"];
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new InvalidOperationException($"{ServerSettings.Section}:Database is not configured");
        }

        var defaults = new ServerSettings(database);
        return defaults with
        {
            MaxBodyBytes = section.GetValue("MaxBodyBytes", defaults.MaxBodyBytes),
            RequestsPerMinute = section.GetValue("RequestsPerMinute", defaults.RequestsPerMinute),
            ScopeFile = section["ScopeFile"] is { Length: > 0 } scopeFile ? scopeFile : null,
        };
    }

    private static void AddServices(IServiceCollection services, ServerSettings settings, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton<RandomFill>(RandomNumberGenerator.Fill);
        services.AddSingleton<StoreLifetime>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreLifetime>());
        services.AddSingleton<EngineServices>();
        services.AddProblemDetails();
        var authentication = services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddDashboard(authentication);
        services.AddAuthorization(Roles.AddPolicies);
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<OpenApiDocumentTransformer>());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => new ValueTask(Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, $"more than {settings.RequestsPerMinute} requests in a minute; try again shortly"));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    // Per token once authenticated, else per address; a token's hash would do, but its id is shorter and not secret.
    private static string PartitionOf(HttpContext context) =>
        Caller.From(context.User) is { } caller ? $"token:{caller.TokenId}" : $"address:{context.Connection.RemoteIpAddress}";

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDashboardAssets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.MapProducts();
        api.MapScans();
        api.MapReports();
        api.MapFindings();
        api.MapValidation();
        api.MapDecisions();
        api.MapPlan();
        api.MapHistory();
        api.MapSla();
        api.MapGraph();
        api.MapKnowledge();
        api.MapTokens();
        app.MapRazorPages();
    }
}
