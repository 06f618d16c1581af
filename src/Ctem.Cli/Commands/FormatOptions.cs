using System.CommandLine;
using Ctem.Cli.Rendering;

namespace Ctem.Cli.Commands;

/// <summary>
/// The one convention for formats: <c>--format</c> is always what a command writes, <c>--format-in</c> what it reads.
/// A command offers exactly the output formats it can write; names are accepted in any case.
/// </summary>
public static class FormatOptions
{
    /// <summary>
    /// <c>--format</c>, one of <paramref name="formats"/> (e.g. <see cref="OutputFormat.Lists"/> or
    /// <see cref="OutputFormat.Reports"/>); the first is the default unless the option is <paramref name="required"/>.
    /// </summary>
    public static Option<string> Output(IReadOnlyList<string> formats, bool required = false, Func<string, string?>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {Or(formats)}",
            Required = required,
        };
        if (!required)
        {
            option.DefaultValueFactory = _ => formats[0];
        }

        return option.OneOf("output format", formats, hint);
    }

    /// <summary><c>--format-in</c>: read the inputs with the parser of this name instead of detecting their format.</summary>
    public static Option<string?> Input(IReadOnlyList<string> parsers) =>
        new Option<string?>("--format-in")
        {
            Description = "Read every input with this parser instead of detecting the format: " + string.Join(", ", parsers),
            HelpName = "name",
        }.OneOf("input format", parsers);

    /// <summary>
    /// A former name of <c>--format</c>, still accepted but not shown in help; <see cref="Read"/> prefers <c>--format</c>
    /// and says on stderr that the old name is deprecated.
    /// </summary>
    public static Option<string?> Deprecated(string name, IReadOnlyList<string> formats) =>
        new Option<string?>(name) { Hidden = true }.OneOf("output format", formats);

    /// <summary>The chosen output format: <paramref name="format"/> when given, else the deprecated alias, else the default.</summary>
    public static string Read(CliContext context, ParseResult parseResult, Option<string> format, Option<string?> deprecated)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue(deprecated) is { } old)
        {
            context.Host.Stderr.WriteLine($"ctem: {deprecated.Name} is deprecated; use --format");
            if (parseResult.GetResult(format) is null or { Implicit: true })
            {
                return old;
            }
        }

        return parseResult.GetValue(format)!;
    }

    private static string Or(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
