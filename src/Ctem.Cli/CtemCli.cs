using System.CommandLine;
using Ctem.Cli.Commands;
using Ctem.Cli.Hosting;

namespace Ctem.Cli;

/// <summary>The testable entry point: parses <paramref name="args"/>, runs the command, returns the exit code.</summary>
public static class CtemCli
{
    public static Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext(host), cancellationToken);

    /// <summary>Runs with a given context: its host, and the plugins it offers.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Host;
        var root = CreateRootFor(context, args);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && !Examples.IsHelp(parseResult))
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Stderr.WriteLineAsync($"ctem: {error.Message}");
            }

            await host.Stderr.WriteLineAsync("Try 'ctem --help'.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = host.Stdout, Error = host.Stderr, EnableDefaultExceptionHandler = false };
        if (parseResult.CommandResult.Command.Name == ServeCommand.Name)
        {
            // The server handles SIGTERM and Ctrl-C itself, letting requests and jobs in flight finish (up to its shutdown
            // timeout); System.CommandLine's handling would end the process 2 seconds after the signal, cutting them off.
            configuration.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Every command, option and example of <c>ctem</c>.</summary>
    public static RootCommand CreateRoot(CliContext context) => CreateRoot(context, only: null);

    /// <summary>
    /// The root with only the command <paramref name="args"/> start with, when they start with one: building every
    /// command's options and examples is start-up time each run would pay for the one it runs. Help, typos and options
    /// before the command get the whole tree.
    /// </summary>
    internal static RootCommand CreateRootFor(CliContext context, string[] args) =>
        CreateRoot(context, args.Length > 0 && Array.Exists(Commands, c => c.Name == args[0]) ? args[0] : null);

    /// <summary>The root with every command, or with only the command named <paramref name="only"/>.</summary>
    internal static RootCommand CreateRoot(CliContext context, string? only)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("ctem: continuous threat exposure management for software products");
        foreach (var (name, create) in Commands)
        {
            if (only is null || only == name)
            {
                root.Subcommands.Add(create(context));
            }
        }

        root.Options.Add(context.Database);
        root.Subcommands.Add(HelpCommand.Create(context, root));
        root.WithExamples(
            new("ctem demo", "See the whole path on bundled sample data, in a temporary database"),
            new("ctem db update && ctem scan sbom.cdx.json", "Fetch the advisories, then scan an SBOM"),
            new("ctem help scan", "The options of one command (the same as ctem scan --help)"));
        Examples.AddToHelp(root);
        return root;
    }

    /// <summary>Every command by the name it is typed as, in the order help lists them (<c>help</c> is added last).</summary>
    internal static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("scan", ScanCommand.Create),
        ("ingest", IngestCommand.Create),
        ("discover", DiscoverCommand.Create),
        ("validate", ValidateCommand.Create),
        ("sbom", SbomCommand.Create),
        ("findings", FindingsCommand.Create),
        ("history", HistoryCommand.Create),
        ("diff", DiffCommand.Create),
        ("sla", SlaCommand.Create),
        ("assign", AssignCommand.Create),
        ("accept", AcceptCommand.Create),
        ("plan", PlanCommand.Create),
        ("graph", GraphCommand.Create),
        ("paths", PathsCommand.Create),
        ("inventory", InventoryCommand.Create),
        ("notify", NotifyCommand.Create),
        ("tickets", TicketsCommand.Create),
        ("db", DbCommand.Create),
        ("demo", DemoCommand.Create),
        ("version", VersionCommand.Create),
        ("cvss", CvssCommand.Create),
        ("init", InitCommand.Create),
        ("vex", VexCommand.Create),
        ("triage", TriageCommand.Create),
        ("token", TokenCommand.Create),
        ("serve", ServeCommand.Create),
    ];
}
