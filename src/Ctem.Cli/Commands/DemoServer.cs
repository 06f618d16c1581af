using Ctem.Core.Stores;
using Ctem.Server;
using Ctem.Server.Hosting;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem demo --serve</c>'s end: a writer token for the demo product's team, then the server over the demo database until stopped.</summary>
internal static class DemoServer
{
    /// <summary>The team the demo's scope file (samples/demo/ctem.yaml) makes the owner of harp.</summary>
    public const string Team = "platform";

    public static async Task<int> RunAsync(CliContext context, string database, string urls, CancellationToken cancellationToken)
    {
        string secret;
        await using (var store = await context.OpenStoreAsync(database, cancellationToken))
        {
            secret = (await context.Tokens(store).IssueAsync(Team, ApiRole.Writer, null, cancellationToken)).Secret;
        }

        await context.Host.Stdout.WriteLineAsync($"Dashboard: {urls.Split(';')[0]} (ctem serve says below where it listens)");
        await context.Host.Stdout.WriteLineAsync($"Sign in with this token (team {Team}, writer): {secret}");
        await context.Host.Stdout.FlushAsync(cancellationToken);
        try
        {
            await ServerHost.RunAsync(new ServerSettings(database) { Urls = urls }, context.Host.Stderr, cancellationToken);
        }
        catch (IOException e)
        {
            await context.Host.Stderr.WriteLineAsync($"ctem: cannot listen on {urls}: {e.Message}");
            return ExitCodes.Usage;
        }

        return ExitCodes.Ok;
    }
}
