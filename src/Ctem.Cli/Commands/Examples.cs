using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Ctem.Cli.Commands;

/// <summary>One example of a command's use: the command line, and what it does.</summary>
public sealed record Example(string Line, string What);

/// <summary>
/// The examples every command's <c>--help</c> ends with (two or three each; <c>HelpTests</c> checks every command has
/// them). Declared beside the command: <c>return command.WithExamples(new("ctem scan .", "Scan a source tree"), …)</c>.
/// </summary>
public static class Examples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<Example>> ByCommand = [];

    public static Command WithExamples(this Command command, params Example[] examples)
    {
        ByCommand.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<Example> Of(Command command) => ByCommand.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes the help option of <paramref name="root"/> (shared by every command) end each command's help with its examples.</summary>
    public static void AddToHelp(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!);
    }

    /// <summary>
    /// True when <paramref name="parseResult"/> asks for help. System.CommandLine lets help win over missing arguments
    /// only for its own (sealed) help action; the caller runs this one despite such errors.
    /// </summary>
    public static bool IsHelp(ParseResult parseResult) => parseResult?.Action is HelpWithExamples;

    private sealed class HelpWithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            var examples = Of(parseResult.CommandResult.Command);
            var output = parseResult.InvocationConfiguration.Output;
            if (examples.Count > 0)
            {
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  # {example.What}");
                    output.WriteLine($"  {example.Line}");
                    output.WriteLine();
                }
            }

            return exit;
        }
    }
}
