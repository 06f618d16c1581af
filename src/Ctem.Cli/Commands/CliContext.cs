using System.CommandLine;
using Ctem.Cli.Hosting;
using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Mobilization.Notifications;
using Ctem.Plugins;
using Ctem.Storage;

namespace Ctem.Cli.Commands;

/// <summary>What every command shares: the host, the global <c>--db</c> option, and how to open the store.</summary>
public sealed class CliContext(CliHost host)
{
    private HttpClient? _http;
    private HttpClient? _notificationHttp;

    public CliHost Host { get; } = host;

    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database: a SQLite file path or a PostgreSQL connection string (default: $CTEM_DB, else ~/.local/share/ctem/ctem.db)",
        Recursive = true,
    };

    public InputReader Reader { get; } = new(InputLimits.Default);

    // The built-in lists are asked for only when a command uses them: building them is start-up time every command would pay.

    /// <summary>The VEX formats <c>ctem vex import</c> reads; tests give their own.</summary>
    public IReadOnlyList<Core.Extensibility.IVexReader> VexReaders { get => field ?? BuiltInPlugins.VexReaders; init; }

    /// <summary>The VEX formats <c>ctem vex export</c> writes; tests give their own.</summary>
    public IReadOnlyList<Core.Extensibility.IVexWriter> VexWriters { get => field ?? BuiltInPlugins.VexWriters; init; }

    /// <summary>How <c>ctem discover</c> resolves host names; tests give their own, so that none asks real DNS.</summary>
    public Engine.Discovery.Active.IHostResolver HostResolver { get; init; } = new Engine.Discovery.Active.DnsHostResolver();

    /// <summary>One client for the process, created on first use; downloads can be large, hence the long timeout.</summary>
    public HttpClient Http => _http ??= CreateHttpClient();

    /// <summary>The first retry back-off of downloads; tests shorten it with CTEM_RETRY_DELAY_MS.</summary>
    public TimeSpan RetryDelay =>
        int.TryParse(Host.Environment("CTEM_RETRY_DELAY_MS"), out var milliseconds) ? TimeSpan.FromMilliseconds(milliseconds) : TimeSpan.FromSeconds(2);

    public Task<ICtemStore> OpenStoreAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        OpenStoreAsync(DatabaseLocator.Resolve(parseResult.GetValue(Database), Host.Environment), cancellationToken);

    public Task<ICtemStore> OpenStoreAsync(string databaseSpec, CancellationToken cancellationToken) =>
        CtemStoreFactory.OpenAsync(databaseSpec, Host.Time, cancellationToken);

    public KnowledgeImporter Importer(ICtemStore store) =>
        new(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, Reader);

    public ScanRunner Scanner(ICtemStore store, InputReader? reader = null) =>
        new(store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, reader ?? Reader, Host.Time);

    /// <summary>The rolling window of NVD's rate limit; tests shorten it with CTEM_NVD_RATE_WINDOW_MS.</summary>
    public TimeSpan NvdRateWindow =>
        int.TryParse(Host.Environment("CTEM_NVD_RATE_WINDOW_MS"), out var milliseconds) && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : TimeSpan.FromSeconds(30);

    /// <summary>Issues and checks API tokens with the host's randomness and clock.</summary>
    public ApiTokens Tokens(ICtemStore store) => new(store.Tokens, Host.Random, Host.Time);

    public Reanalyzer Reanalyzer(ICtemStore store) => new(store, BuiltInPlugins.VersionSchemes, Host.Time);

    /// <summary>
    /// Notifications over <paramref name="store"/>, with secrets from the environment; its own client never follows redirects.
    /// Expiring risk acceptances come from the store where it keeps them (<see cref="IAcceptanceSource"/>).
    /// </summary>
    public Notifier Notifier(ICtemStore store)
    {
        var options = NotificationOptions.Default with { RetryDelay = RetryDelay };
        var poster = new HttpPoster(_notificationHttp ??= HttpPoster.CreateClient(options.Timeout), options);
        return new Notifier(store, store as IAcceptanceSource ?? NoAcceptances.Instance, new NotificationChannels(Host.Environment, poster, Host.Time, options), Host.Time);
    }

    private static HttpClient CreateHttpClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ctem/0.1");
        return client;
    }
}
