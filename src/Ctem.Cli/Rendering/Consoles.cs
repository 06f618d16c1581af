using System.Globalization;
using Ctem.Cli.Hosting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>Spectre consoles over the injected writers: colour only on a terminal, and a width decided by <see cref="StdoutWidth"/>.</summary>
public static class Consoles
{
    /// <summary>The width of stdout when it is not a terminal: wide enough for every column, and the same in every pipe and log.</summary>
    public const int PipeWidth = 200;

    /// <summary>The width of a terminal that does not say how wide it is; the traditional one.</summary>
    public const int UnknownTerminalWidth = 80;

    public static IAnsiConsole Stdout(CliHost host)
    {
        var console = Create(host.Stdout, host.StdoutIsTerminal);
        console.Profile.Width = StdoutWidth(host);
        return console;
    }

    public static IAnsiConsole Stderr(CliHost host)
    {
        var console = Create(host.Stderr, host.StderrIsTerminal);
        if (!host.StderrIsTerminal)
        {
            console.Profile.Width = PipeWidth;
        }

        return console;
    }

    /// <summary>
    /// The terminal's measured width; else <c>$COLUMNS</c> when it is a positive number (POSIX: the user's preferred
    /// width, so <c>COLUMNS=120 ctem findings | less -S</c> works); else 80 on a terminal that does not say, else
    /// <see cref="PipeWidth"/> when stdout is a pipe or a file. A measured terminal wins: an inherited, stale
    /// <c>$COLUMNS</c> (a parent shell's wider window) must not make a table wrap on the screen it is shown on.
    /// </summary>
    public static int StdoutWidth(CliHost host) =>
        host.StdoutColumns is int terminal and > 0 ? terminal
        : int.TryParse(host.Environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0 ? columns
        : host.StdoutIsTerminal ? UnknownTerminalWidth
        : PipeWidth;

    private static IAnsiConsole Create(TextWriter writer, bool terminal) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
}
