using System.CommandLine;
using Ctem.Engine.Inputs;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>The options every command that reads inventories shares: <c>--format-in</c> and <c>--all-directories</c>.</summary>
public sealed class InputOptions
{
    private readonly Option<string?> _formatIn = FormatOptions.Input([.. BuiltInPlugins.InventoryParsers.Select(p => p.Name)]);

    private readonly Option<bool> _allDirectories = new("--all-directories")
    {
        Description = "Also walk .git, node_modules, vendor, third_party and virtualenv directories",
    };

    public static InputOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_formatIn);
        command.Options.Add(_allDirectories);
    }

    public string? FormatIn(ParseResult parseResult) => parseResult.GetValue(_formatIn);

    public InputReader Reader(CliContext context, ParseResult parseResult) =>
        parseResult.GetValue(_allDirectories) ? context.Reader.WalkingEverything() : context.Reader;
}
