using Ctem.Cli;
using Ctem.Cli.Hosting;

#pragma warning disable RS0030 // composition root: the only place that touches the process
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var host = new CliHost(
    Console.Out,
    Console.Error,
    Environment.GetEnvironmentVariable,
    TimeProvider.System,
    StdoutIsTerminal: !Console.IsOutputRedirected,
    StderrIsTerminal: !Console.IsErrorRedirected)
{
    Stdin = Console.In,
    StdoutColumns = Console.IsOutputRedirected ? null : TerminalColumns(),
};
return await CtemCli.RunAsync(args, host, cancellation.Token);

// A terminal that cannot say its size (some CI pseudo-terminals) counts as one of unknown width, not as an error.
static int? TerminalColumns()
{
    try
    {
        return Console.WindowWidth > 0 ? Console.WindowWidth : null;
    }
    catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
    {
        return null;
    }
}
#pragma warning restore RS0030
