using System.Security.Cryptography;
using Ctem.Engine.Access;

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

    /// <summary>How many columns wide the terminal is that stdout writes to; null when stdout is not a terminal or its width is unknown.</summary>
    public int? StdoutColumns { get; init; }

    /// <summary>Cryptographically strong randomness, for the secrets of API tokens.</summary>
    public RandomFill Random { get; init; } = RandomNumberGenerator.Fill;
}
