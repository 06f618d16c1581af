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

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, one or more URLs separated by ';' (port 0: any free port) (default: {DefaultUrls})",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "URL",
        }.NotEmpty();
        var scope = new ScopeOption("the server was not started");
        var command = new Command(Name, "Run the REST API (and the OpenAPI document, the health checks) over the database, until stopped") { urls };
        scope.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            // Checked here as every command checks it, for the same messages and exit code; the server reads it once at start.
            if (scope.Read(context, parseResult, null, out var scopeExit) is null)
            {
                return scopeExit;
            }

            var settings = new ServerSettings(DatabaseLocator.Resolve(parseResult.GetValue(context.Database), context.Host.Environment))
            {
                Urls = parseResult.GetValue(urls),
                ScopeFile = scope.PathOf(context, parseResult),
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
            new("ctem serve --db 'Host=db;Username=ctem;Password=…;Database=ctem' --scope ctem.yaml", "Serve the API on 127.0.0.1:8080 over PostgreSQL, accepting risks under the scope file's policy"),
            new("ctem serve --urls http://0.0.0.0:8080", "Listen on every interface (behind a TLS proxy)"),
            new("ctem token create --team platform --role admin && ctem serve", "The first admin token, then the server"));
    }
}
