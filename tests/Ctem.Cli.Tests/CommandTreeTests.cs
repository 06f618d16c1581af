using Ctem.Cli.Commands;
using Ctem.Cli.Hosting;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>A run builds only the command its arguments name; everything else gets the whole tree.</summary>
public sealed class CommandTreeTests
{
    private static CliContext Context() => new(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, TimeProvider.System));

    [Fact]
    public void Commands_TableNames_AreTheNamesTheCommandsAreTypedAs()
    {
        var built = CtemCli.Commands.Select(c => c.Create(Context())).ToList();

        Assert.Equal(CtemCli.Commands.Select(c => c.Name), built.Select(c => c.Name));
        Assert.All(built, command => Assert.Empty(command.Aliases));
    }

    [Theory]
    [InlineData(new[] { "scan", "sbom.json" }, new[] { "scan", "help" })]
    [InlineData(new[] { "db", "status" }, new[] { "db", "help" })]
    [InlineData(new[] { "help", "scan" }, null)]
    [InlineData(new[] { "--db", "x.db", "findings" }, null)]
    [InlineData(new[] { "sacn" }, null)]
    [InlineData(new[] { "--version" }, null)]
    [InlineData(new string[0], null)]
    public void CreateRootFor_Arguments_BuildTheNamedCommandOrTheWholeTree(string[] args, string[]? expected)
    {
        var whole = CtemCli.CreateRoot(Context()).Subcommands.Select(c => c.Name);

        var root = CtemCli.CreateRootFor(Context(), args);

        Assert.Equal(expected ?? whole, root.Subcommands.Select(c => c.Name));
    }
}
