using System.CommandLine;
using Ctem.Engine.Scoping;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem help [COMMAND]…</c>: the same text as <c>ctem [COMMAND]… --help</c>, for those who type it the other way round.</summary>
public static class HelpCommand
{
    public static Command Create(CliContext context, RootCommand root)
    {
        var names = new Argument<string[]>("command") { Description = "The command (and subcommand) to explain, e.g. scan or db update", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show help for ctem or one of its commands") { names };
        command.SetAction(parseResult =>
        {
            var path = new List<string>();
            Command current = root;
            foreach (var name in parseResult.GetValue(names) ?? [])
            {
                var known = current.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                if (Choices.Find(name, known) is not { } found)
                {
                    var nearest = Suggestions.Nearest(name, known);
                    var where = path.Count == 0 ? "ctem" : $"ctem {string.Join(' ', path)}";
                    context.Host.Stderr.WriteLine($"ctem: '{name}' is not a command of {where}{(nearest is null ? "" : $"; did you mean '{nearest}'?")} (commands: {string.Join(", ", known)})");
                    return ExitCodes.Usage;
                }

                path.Add(found);
                current = current.Subcommands.Single(c => c.Name == found);
            }

            return root.Parse([.. path, "--help"]).Invoke(parseResult.InvocationConfiguration);
        });
        return command.WithExamples(
            new("ctem help", "The commands ctem has"),
            new("ctem help scan", "The options of ctem scan, as ctem scan --help prints them"),
            new("ctem help db update", "The options of a subcommand"));
    }
}
