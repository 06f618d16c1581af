using System.CommandLine;
using Ctem.Cli.Commands;
using Ctem.Cli.Hosting;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary><c>--help</c> and <c>ctem help</c>: the same text for every command, ending with its examples.</summary>
public sealed class HelpTests
{
    /// <summary>Every command of the tree, root included, as the words that name it: new commands are covered unasked.</summary>
    public static TheoryData<string[]> Commands()
    {
        var data = new TheoryData<string[]>();
        var root = CtemCli.CreateRoot(new CliContext(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, TimeProvider.System)));
        foreach (var path in PathsOf(root, []))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_EndsWithTwoOrThreeExamples(string[] path)
    {
        var result = await CliRun.RunAsync([.. path, "--help"]);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var lines = result.Stdout.Split(Environment.NewLine);
        var section = lines.Skip(Array.LastIndexOf(lines, "Examples:") + 1).Where(l => l.Length > 0).ToList();
        Assert.Equal("Examples:", lines.Last(l => l.Length > 0 && !l.StartsWith(' ')));
        Assert.InRange(section.Count(l => l.StartsWith("  # ", StringComparison.Ordinal)), 2, 3);
        Assert.All(section.Where(l => !l.StartsWith("  # ", StringComparison.Ordinal)), line => Assert.Contains(string.Join(' ', ["ctem", .. path]), line, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_CommandWord_PrintsTheSameAsHelpOption(string[] path)
    {
        var option = await CliRun.RunAsync([.. path, "--help"]);
        var word = await CliRun.RunAsync(["help", .. path]);

        Assert.Equal((0, option.Stdout, ""), (word.ExitCode, word.Stdout, word.Stderr));
    }

    [Theory]
    [InlineData(new[] { "sacn" }, "'sacn' is not a command of ctem; did you mean 'scan'?")]
    [InlineData(new[] { "db", "updte" }, "'updte' is not a command of ctem db; did you mean 'update'?")]
    [InlineData(new[] { "cvss", "score" }, "'score' is not a command of ctem cvss")]
    public async Task Help_UnknownCommand_IsUsageErrorWithSuggestion(string[] path, string message)
    {
        var result = await CliRun.RunAsync(["help", .. path]);

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_CommandWordInAnyCase_FindsTheCommand()
    {
        var result = await CliRun.RunAsync("help", "DB", "Status");
        Assert.Equal((await CliRun.RunAsync("db", "status", "--help")).Stdout, result.Stdout);
    }

    private static IEnumerable<string[]> PathsOf(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var inner in PathsOf(sub, [.. path, sub.Name]))
            {
                yield return inner;
            }
        }
    }
}
