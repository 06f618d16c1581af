using Ctem.Cli.Hosting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>Spectre consoles over the injected writers: colour only on a terminal, a fixed width in pipes and tests.</summary>
public static class Consoles
{
    private const int PipeWidth = 200;

    public static IAnsiConsole Stdout(CliHost host) => Create(host.Stdout, host.StdoutIsTerminal);

    public static IAnsiConsole Stderr(CliHost host) => Create(host.Stderr, host.StderrIsTerminal);

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PipeWidth;
        }

        return console;
    }
}
