using Ctem.Cli.Hosting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>A spinner with a status line on stderr while long work runs; nothing at all when stderr is not a terminal.</summary>
public static class LiveStatus
{
    public static async Task<T> RunAsync<T>(CliHost host, string initial, Func<IProgress<string>?, Task<T>> work)
    {
        if (!host.StderrIsTerminal)
        {
            return await work(null);
        }

        return await Consoles.Stderr(host).Status().StartAsync(initial, context => work(new Reporter(context)));
    }

    private sealed class Reporter(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(Markup.Escape(value));
    }
}
