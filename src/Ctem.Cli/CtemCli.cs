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
        var root = CreateRoot(context);
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
    public static RootCommand CreateRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("ctem: continuous threat exposure management for software products")
        {
            ScanCommand.Create(context),
            IngestCommand.Create(context),
            DiscoverCommand.Create(context),
            ValidateCommand.Create(context),
            SbomCommand.Create(context),
            FindingsCommand.Create(context),
            HistoryCommand.Create(context),
            DiffCommand.Create(context),
            SlaCommand.Create(context),
            AssignCommand.Create(context),
            AcceptCommand.Create(context),
            PlanCommand.Create(context),
            GraphCommand.Create(context),
            PathsCommand.Create(context),
            InventoryCommand.Create(context),
            NotifyCommand.Create(context),
            TicketsCommand.Create(context),
            DbCommand.Create(context),
            DemoCommand.Create(context),
            VersionCommand.Create(context),
            CvssCommand.Create(context),
            InitCommand.Create(context),
            VexCommand.Create(context),
            TriageCommand.Create(context),
            TokenCommand.Create(context),
            ServeCommand.Create(context),
        };
        root.Options.Add(context.Database);
        root.Subcommands.Add(HelpCommand.Create(context, root));
        root.WithExamples(
            new("ctem demo", "See the whole path on bundled sample data, in a temporary database"),
            new("ctem db update && ctem scan sbom.cdx.json", "Fetch the advisories, then scan an SBOM"),
            new("ctem help scan", "The options of one command (the same as ctem scan --help)"));
        Examples.AddToHelp(root);
        return root;
    }
}
