using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Ctem.Engine.Discovery;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Mobilization.Acceptance;
using Ctem.Engine.Mobilization.Plan;
using Ctem.Engine.Validation;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Mobilization.Notifications;
using Ctem.Engine.Schedules;
using Ctem.Plugins;

namespace Ctem.Server.Hosting;

/// <summary>The Engine's services over the server's store, built as the CLI builds them (<c>CliContext</c>).</summary>
internal sealed class EngineServices(StoreLifetime lifetime, TimeProvider time, RandomFill random) : IDisposable
{
    private readonly InputReader _reader = new(InputLimits.Default);

    // Downloads can be large, hence the long timeout; notifications have their own client that never follows redirects.
    private readonly Lazy<HttpClient> _http = new(() =>
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ctem/0.1");
        return client;
    });

    private readonly Lazy<HttpClient> _notificationHttp = new(() => HttpPoster.CreateClient(NotificationOptions.Default.Timeout));

    public ICtemStore Store => lifetime.Store;

    public TimeProvider Time => time;

    public ApiTokens Tokens => new(Store.Tokens, random, time);

    public ScanRunner Scanner => new(Store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, _reader, time);

    public ReportIngester Ingester => new(Store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, _reader, time);

    public FindingTriage Triage => new(Store, BuiltInPlugins.VersionSchemes, time);

    public VexImporter VexImporter => new(Store, BuiltInPlugins.VexReaders, BuiltInPlugins.VersionSchemes, _reader, time);

    public VexSuggester VexSuggester => new(Store, BuiltInPlugins.VersionSchemes, time);

    public VexExporter VexExporter => new(Store);

    public RiskAcceptor Acceptor => new(Store, time);

    public RemediationPlanner Planner => new(Store, BuiltInPlugins.VersionSchemes);
    /// <summary>The scheduled jobs, over the same services as <c>ctem db update</c>, <c>ctem scan</c> and <c>ctem notify</c>.</summary>
    public ScheduledJobRunner Jobs
    {
        get
        {
            var importer = new KnowledgeImporter(Store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, _reader);
            var options = NotificationOptions.Default with { RetryDelay = RetryDelay };
            var notifier = new Notifier(Store, Store as IAcceptanceSource ?? NoAcceptances.Instance, new NotificationChannels(Environment.GetEnvironmentVariable, new HttpPoster(_notificationHttp.Value, options), time, options), time);
            var services = new ScheduledJobServices(Store, importer, Scanner, new Reanalyzer(Store, BuiltInPlugins.VersionSchemes, time), notifier, _http.Value, time, Environment.GetEnvironmentVariable)
            {
                RetryDelay = RetryDelay,
            };
            return new ScheduledJobRunner(services);
        }
    }

    // As the CLI's: tests shorten the first retry back-off with CTEM_RETRY_DELAY_MS.
    private static TimeSpan RetryDelay =>
        int.TryParse(Environment.GetEnvironmentVariable("CTEM_RETRY_DELAY_MS"), out var milliseconds) ? TimeSpan.FromMilliseconds(milliseconds) : TimeSpan.FromSeconds(2);

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        if (_notificationHttp.IsValueCreated)
        {
            _notificationHttp.Value.Dispose();
        }
    }
}
