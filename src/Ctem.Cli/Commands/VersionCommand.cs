using System.CommandLine;
using Ctem.Core.Versioning;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem version compare --ecosystem E [A B]</c>: compares two versions by the ecosystem's own rules and prints
/// <c>&lt;</c>, <c>=</c> or <c>&gt;</c>; without versions, compares one "A B" pair per stdin line.
/// </summary>
public static class VersionCommand
{
    public static Command Create(CliContext context) =>
        new Command("version", "Version ordering as Ctem applies it when matching") { CreateCompare(context) }.WithExamples(
            new("ctem version compare --ecosystem npm 1.0.0-rc.1 1.0.0", "Compare two versions as npm orders them: prints <"),
            new("ctem version compare --ecosystem Debian:12 1:0.9 2.0", "A release-suffixed ecosystem uses its base ecosystem's order"));

    private static Command CreateCompare(CliContext context)
    {
        string[] known = [.. BuiltInPlugins.VersionSchemes.KnownEcosystems.Order(StringComparer.OrdinalIgnoreCase)];
        var ecosystem = new Option<string>("--ecosystem")
        {
            Description = "OSV ecosystem name as OSV spells it (npm, PyPI, Maven, NuGet, Go, crates.io, RubyGems, Packagist, Debian, Alpine, Red Hat, …)",
            HelpName = "ecosystem",
            Required = true,
        }.Matching("ecosystem with a version scheme", known, given => Choices.FindEcosystem(given, known));
        var versions = new Argument<string[]>("versions") { Description = "Two versions A B; none to read 'A B' pairs from stdin", Arity = new ArgumentArity(0, 2) };
        var command = new Command("compare", "Compare versions: prints <, = or >") { ecosystem, versions };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var name = parseResult.GetValue(ecosystem)!;
            var scheme = BuiltInPlugins.VersionSchemes.For(name);
            if (scheme is null)
            {
                var known = string.Join(", ", BuiltInPlugins.VersionSchemes.KnownEcosystems.Order(StringComparer.Ordinal));
                await context.Host.Stderr.WriteLineAsync($"ctem: unknown ecosystem '{name}'; known: {known}");
                return ExitCodes.Usage;
            }

            var pair = parseResult.GetValue(versions) ?? [];
            if (pair.Length == 1)
            {
                await context.Host.Stderr.WriteLineAsync("ctem: give two versions, or none to read pairs from stdin. Try 'ctem --help'.");
                return ExitCodes.Usage;
            }

            if (pair.Length == 2)
            {
                return await CompareAsync(context, scheme, pair[0], pair[1], null) ? ExitCodes.Ok : ExitCodes.BadInput;
            }

            var allCompared = true;
            var lineNumber = 0;
            while (await context.Host.Stdin.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    await context.Host.Stdout.WriteLineAsync("?");
                    await context.Host.Stderr.WriteLineAsync($"stdin:{lineNumber}: expected two versions 'A B', got {parts.Length} field(s)");
                    allCompared = false;
                    continue;
                }

                allCompared &= await CompareAsync(context, scheme, parts[0], parts[1], lineNumber);
            }

            return allCompared ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command.WithExamples(
            new("ctem version compare --ecosystem PyPI 1.0a1 1.0", "Compare two versions as PyPI orders them: prints <"),
            new("printf '1.0~rc1-1 1.0-1\\n' | ctem version compare --ecosystem Debian", "Compare one pair per stdin line"));
    }

    private static async Task<bool> CompareAsync(CliContext context, IVersionScheme scheme, string left, string right, int? line)
    {
        // A text is the same version as itself in every scheme, even one the scheme cannot read.
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            await context.Host.Stdout.WriteLineAsync("=");
            return true;
        }

        var place = line is null ? "" : $"stdin:{line}: ";
        string? error = null;
        if (!scheme.TryParse(left, out var a, out var errorA) | !scheme.TryParse(right, out var b, out var errorB))
        {
            error = errorA ?? errorB;
        }

        if (a is null || b is null)
        {
            await context.Host.Stdout.WriteLineAsync("?");
            await context.Host.Stderr.WriteLineAsync($"{place}{error} ({scheme.Name})");
            return false;
        }

        await context.Host.Stdout.WriteLineAsync(Math.Sign(a.CompareTo(b)) switch { < 0 => "<", 0 => "=", _ => ">" });
        return true;
    }
}
