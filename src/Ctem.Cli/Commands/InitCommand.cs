using System.CommandLine;
using System.Text;
using Ctem.Engine.Scoping;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem init [--output ctem.yaml] [--force]</c>: writes the commented starter scope file
/// (<see cref="StarterScope.Text"/>); an existing file is kept unless <c>--force</c> is given.
/// </summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The file to write (default: {ScopeFile.DefaultFileName} in the current directory)",
            DefaultValueFactory = _ => ScopeFile.DefaultFileName,
        }.NotEmpty();
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var command = new Command("init", "Write a commented starter scope file (ctem.yaml) to describe your products in") { output, force };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var path = parseResult.GetValue(output)!;
            var overwrite = parseResult.GetValue(force);
            if (!overwrite && (File.Exists(path) || Directory.Exists(path)))
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: {path} already exists; not overwritten (use --force to replace it)");
                return ExitCodes.Usage;
            }

            try
            {
                // CreateNew keeps the promise even if the file appears between the check above and this write.
                await using var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await writer.WriteAsync(StarterScope.Text.AsMemory(), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var reason = !overwrite && File.Exists(path) ? "it already exists; not overwritten (use --force to replace it)" : ex.Message;
                await context.Host.Stderr.WriteLineAsync($"ctem: cannot write {path}: {reason}");
                return ExitCodes.Usage;
            }

            await context.Host.Stderr.WriteLineAsync($"ctem: wrote {path}; describe your products in it (every key is explained in its comments)");
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem init", "Write ctem.yaml in the current directory"),
            new("ctem init --output config/ctem.yaml --force", "Write it elsewhere, replacing an existing file"));
    }
}
