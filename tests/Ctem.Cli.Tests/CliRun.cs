using Ctem.Cli.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ctem.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs <c>ctem</c> in-process with captured streams, a fixed clock and a given environment.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<CliResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var host = new CliHost(stdout, stderr, name => env.TryGetValue(name, out var value) ? value : null, new FakeTimeProvider(Now));
        var exit = await CtemCli.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunWithEnvironmentAsync(null, args);

    /// <summary>Runs with the clock at <paramref name="now"/>: for what depends on time passing (SLAs, expiries).</summary>
    public static async Task<CliResult> RunAtAsync(DateTimeOffset now, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, _ => null, new FakeTimeProvider(now));
        var exit = await CtemCli.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with the test-only VEX reader and writer (<see cref="Ctem.Testing.TestVexReader"/>) as the installed VEX formats.</summary>
    public static async Task<CliResult> RunWithTestVexAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var host = new CliHost(stdout, stderr, name => env.TryGetValue(name, out var value) ? value : null, new FakeTimeProvider(Now));
        var context = new Commands.CliContext(host) { VexReaders = [new Ctem.Testing.TestVexReader()], VexWriters = [new Ctem.Testing.TestVexWriter()] };
        var exit = await CtemCli.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with stdout on a terminal this many columns wide, or on a pipe when null; without colour, so the output is plain text.</summary>
    public static async Task<CliResult> RunAtWidthAsync(int? terminalColumns, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, _ => null, new FakeTimeProvider(Now)) { StdoutColumns = terminalColumns };
        var exit = await CtemCli.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static async Task<CliResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(stdout, stderr, _ => null, new FakeTimeProvider(Now)) { Stdin = new StringReader(stdin) };
        var exit = await CtemCli.RunAsync(args, host, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
