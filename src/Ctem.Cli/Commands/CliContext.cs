using System.CommandLine;
using Ctem.Cli.Hosting;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Storage;

namespace Ctem.Cli.Commands;

/// <summary>What every command shares: the host, the global <c>--db</c> option, and how to open the store.</summary>
public sealed class CliContext(CliHost host)
{
    public CliHost Host { get; } = host;

    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database: a SQLite file path or a PostgreSQL connection string (default: $CTEM_DB, else ~/.local/share/ctem/ctem.db)",
        Recursive = true,
    };

    public InputReader Reader { get; } = new(InputLimits.Default);

    public Task<ICtemStore> OpenStoreAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        OpenStoreAsync(DatabaseLocator.Resolve(parseResult.GetValue(Database), Host.Environment), cancellationToken);

    public Task<ICtemStore> OpenStoreAsync(string databaseSpec, CancellationToken cancellationToken) =>
        CtemStoreFactory.OpenAsync(databaseSpec, Host.Time, cancellationToken);

    public KnowledgeImporter Importer(ICtemStore store) =>
        new(store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, Reader);

    public ScanRunner Scanner(ICtemStore store) =>
        new(store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, Reader, Host.Time);

    public static Option<string> FormatOption() => new Option<string>("--format")
    {
        Description = "Output format: table or json",
        DefaultValueFactory = _ => Rendering.OutputFormat.Table,
    }.AcceptOnlyFromAmong(Rendering.OutputFormat.All);
}
