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
};
return await CtemCli.RunAsync(args, host, cancellation.Token);
#pragma warning restore RS0030
