using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Ctem.Cli;
using Ctem.Cli.Hosting;
using Ctem.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ctem.Server.Tests;

/// <summary>
/// A database with the demo's advisories and two teams' products scanned through the CLI (payments owns 'harp',
/// web owns 'storefront', both from the demo SBOM), a token per team and role, and the server over it through
/// <c>WebApplicationFactory</c>, every log line captured.
/// </summary>
internal sealed class ApiFixture : IAsyncDisposable
{
    public const string OwnTeam = "payments";
    public const string OtherTeam = "web";
    public const string OwnProduct = "harp";
    public const string OtherProduct = "storefront";

    private readonly TestDatabase _database;
    // Any type of the server's assembly names its entry point; 'Program' would be ambiguous with the CLI's.
    private readonly WebApplicationFactory<Hosting.ServerSettings> _factory;

    private ApiFixture(TestDatabase database, IReadOnlyDictionary<(string, string), string> tokens, bool cliClock)
    {
        _database = database;
        Tokens = tokens;
        _factory = new WebApplicationFactory<Hosting.ServerSettings>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Ctem:Database", database.Spec);
            builder.UseSetting("Ctem:ScopeFile", ScopeFileOf(database));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
            if (cliClock)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(CliNow)));
            }
        });
    }

    /// <summary>The time of every <see cref="CliAsync(string[])"/> run (and of the server with the CLI's clock).</summary>
    public static DateTimeOffset CliNow { get; } = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public TestDatabase Database => _database;

    /// <summary>The server's services (its store, clock and Engine).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The token of each (team, role).</summary>
    public IReadOnlyDictionary<(string Team, string Role), string> Tokens { get; }

    /// <summary>Every message the server logged, at every level.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <param name="cliClock">The server's clock is the CLI's (<see cref="CliNow"/>), so that what the API records is stamped as the CLI's runs are.</param>
    public static async Task<ApiFixture> CreateAsync(Dialect dialect, bool cliClock = false)
    {
        var database = await TestDatabase.CreateAsync(dialect);
        var scope = ScopeFileOf(database);
        await File.WriteAllTextAsync(scope, $"""
            acceptance:
              maxDays: {AcceptanceMaxDays}
            products:
              - name: {OwnProduct}
                owner:
                  team: {OwnTeam}
                criticality: high
              - name: {OtherProduct}
                owner:
                  team: {OtherTeam}
            """);
        await CliAsync(database, "db", "import", Path.Combine(RepoPaths.Samples, "demo", "advisories"));
        await CliAsync(database, "scan", DemoSbom, "--product", OwnProduct, "--scope", scope);
        await CliAsync(database, "scan", DemoSbom, "--product", OtherProduct, "--scope", scope);
        var tokens = new Dictionary<(string, string), string>();
        foreach (var team in new[] { OwnTeam, OtherTeam })
        {
            foreach (var role in new[] { "reader", "writer", "admin" })
            {
                tokens[(team, role)] = (await CliAsync(database, "token", "create", "--team", team, "--role", role)).Trim();
            }
        }

        return new ApiFixture(database, tokens, cliClock);
    }

    /// <summary>The policy of the fixture's scope file, which the server is started with: not the default 90 days.</summary>
    public const int AcceptanceMaxDays = 45;

    /// <summary>The scope file the products were scanned with and the server started with (<c>Ctem:ScopeFile</c>).</summary>
    public string ScopeFile => ScopeFileOf(_database);

    private static string ScopeFileOf(TestDatabase database) => Path.Combine(database.Directory, "ctem.yaml");

    public static string DemoSbom => Path.Combine(RepoPaths.Samples, "demo", "sbom", "harp-darwin-amd64.sbom.json");

    /// <summary>A client with the token of <paramref name="role"/> in <paramref name="team"/>; no Authorization header when role is null.</summary>
    public HttpClient Client(string? role, string team = OwnTeam)
    {
        var client = _factory.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[(team, role)]);
        }

        return client;
    }

    /// <summary>A client of this server with its own cookie and redirect handling.</summary>
    public HttpClient Client(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

    /// <summary>Runs <c>ctem</c> in-process on this database; returns stdout, and fails on a non-zero exit.</summary>
    public Task<string> CliAsync(params string[] args) => CliAsync(_database, args);

    public static async Task<string> CliAsync(TestDatabase database, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, _ => null, new FakeTimeProvider(CliNow));
        var exit = await CtemCli.RunAsync([.. args, "--db", database.Spec], host, CancellationToken.None);
        if (exit is not 0)
        {
            throw new InvalidOperationException($"ctem {string.Join(' ', args)} exited {exit}: {stderr}");
        }

        return stdout.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
