using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Ctem.Engine.Discovery;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Mobilization.Acceptance;
using Ctem.Engine.Mobilization.Plan;
using Ctem.Engine.Validation;
using Ctem.Plugins;

namespace Ctem.Server.Hosting;

/// <summary>The Engine's services over the server's store, built as the CLI builds them (<c>CliContext</c>).</summary>
internal sealed class EngineServices(StoreLifetime lifetime, TimeProvider time, RandomFill random)
{
    private readonly InputReader _reader = new(InputLimits.Default);

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
}
