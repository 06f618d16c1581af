using System.CommandLine;
using Ctem.Cli.Hosting;
using Ctem.Server;
using Ctem.Server.Hosting;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem serve [--urls URL] [--scope FILE] [--db …]</c>: the REST API over the same database. The server is its own composition root
/// (Ctem.Server); this command only hands it the database and the addresses, and runs it in this process until SIGTERM
/// or Ctrl-C, so one binary and one <c>--db</c>/<c>CTEM_DB</c> convention serve both.
/// </summary>
public static class ServeCommand
{
    public const string Name = "serve";

    public const string DefaultUrls = "http://127.0.0.1:8080";

    // Tests make a dead node's jobs recovered sooner; there is no option for it, as there is no reason to in production.
    private static TimeSpan? Milliseconds(CliContext context, string variable) =>
        int.TryParse(context.Host.Environment(variable), out var milliseconds) && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : null;

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, one or more URLs separated by ';' (port 0: any free port) (default: {DefaultUrls})",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "URL",
        }.NotEmpty();
        var command = new Command(Name, "Run the REST API (and the OpenAPI document, the health checks) over the database, and the scope file's scheduled jobs, until stopped") { urls };
        var scopeOption = new ScopeOption("the server was not started");
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            // Read here first so that a bad file is the usual diagnostics and exit code, not a failed start.
            if (scopeOption.Read(context, parseResult, null, out var refused) is null)
            {
                return refused;
            }

            var settings = new ServerSettings(DatabaseLocator.Resolve(parseResult.GetValue(context.Database), context.Host.Environment))
            {
                Urls = parseResult.GetValue(urls),
                ScopeFile = scopeOption.PathOf(context, parseResult),
                ClusterCheckinInterval = Milliseconds(context, "CTEM_CLUSTER_CHECKIN_MS") ?? ServerSettings.Defaults.ClusterCheckinInterval,
                ClusterCheckinMisfireThreshold = Milliseconds(context, "CTEM_CLUSTER_MISFIRE_MS") ?? ServerSettings.Defaults.ClusterCheckinMisfireThreshold,
            };
            try
            {
                await ServerHost.RunAsync(settings, context.Host.Stderr, cancellationToken);
            }
            catch (IOException e)
            {
                // Kestrel's bind failures: the message names the address ("Failed to bind to address …: address already in use").
                await context.Host.Stderr.WriteLineAsync($"ctem: cannot listen on {settings.Urls}: {e.Message}");
                return ExitCodes.Usage;
            }

            await context.Host.Stderr.WriteLineAsync("ctem serve: stopped; requests in flight have finished");
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem serve --db 'Host=db;Username=ctem;Password=…;Database=ctem'", "Serve the API on 127.0.0.1:8080 over PostgreSQL"),
            new("ctem serve --scope /etc/ctem/ctem.yaml --db 'Host=db;…'", "With the scope file's schedules and acceptance policy; on PostgreSQL, start it on several hosts and each job runs once"),
            new("ctem token create --team platform --role admin && ctem serve", "The first admin token, then the server"));
    }
}
