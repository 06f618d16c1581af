namespace Ctem.Cli.Hosting;

/// <summary>Everything the CLI takes from the process, injected so tests can run it in-process.</summary>
public sealed record CliHost(
    TextWriter Stdout,
    TextWriter Stderr,
    Func<string, string?> Environment,
    TimeProvider Time,
    bool StdoutIsTerminal = false,
    bool StderrIsTerminal = false)
{
    /// <summary>Standard input, for commands that read one item per line (empty unless given).</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;
}
