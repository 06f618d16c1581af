using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Scoping;
using Ctem.Engine.Inputs;
using Ctem.Engine.Mobilization.Owners;
using Ctem.Engine.Scoping;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>--scope FILE</c>: the scope file the command prioritizes with. Without it, <c>$CTEM_SCOPE</c>, else <c>ctem.yaml</c>
/// in the current directory when there is one, else no scope (every product gets the default business context).
/// <paramref name="refused"/> says what an invalid file stops ("nothing was scanned").
/// </summary>
public sealed class ScopeOption(string refused = "nothing was scanned")
{
    private readonly Option<string?> _option = new("--scope")
    {
        Description = $"The scope file (default: $CTEM_SCOPE, else {ScopeFile.DefaultFileName} in the current directory if present)",
    };

    public void AddTo(Command command) => command.Options.Add(_option);

    /// <summary>
    /// The scope for a command about <paramref name="product"/> (null: the input names it): <see cref="ScopeDocument.Empty"/>
    /// when there is no file; null after printing why not, with <paramref name="exitCode"/> saying how to exit — bad input
    /// for an unreadable or invalid file, a usage error for a product the file does not declare.
    /// </summary>
    public ScopeDocument? Read(CliContext context, ParseResult parseResult, string? product, out int exitCode)
    {
        exitCode = ExitCodes.BadInput;
        var scope = Read(context, parseResult);
        if (scope is not null && CheckProduct(scope, product) is { } undeclared)
        {
            context.Host.Stderr.WriteLine(undeclared);
            exitCode = ExitCodes.Usage;
            return null;
        }

        return scope;
    }

    /// <summary>The scope file the command reads: <c>--scope</c>, else <c>$CTEM_SCOPE</c>, else <c>ctem.yaml</c> when present; null for none.</summary>
    public string? PathOf(CliContext context, ParseResult parseResult)
    {
        var named = parseResult.GetValue(_option) ?? context.Host.Environment("CTEM_SCOPE");
        return named is { Length: > 0 } ? named : File.Exists(ScopeFile.DefaultFileName) ? ScopeFile.DefaultFileName : null;
    }

    private ScopeDocument? Read(CliContext context, ParseResult parseResult)
    {
        var path = PathOf(context, parseResult);
        if (path is null)
        {
            return ScopeDocument.Empty;
        }

        if (InputReader.CheckRegular(path) is { } notRegular)
        {
            context.Host.Stderr.WriteLine($"ctem: cannot read the scope file {path}: {notRegular.Message}");
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Host.Stderr.WriteLine($"ctem: cannot read the scope file {path}: {ex.Message}");
            return null;
        }

        var loaded = ScopeFile.Load(path, text, ReadRelated);
        if (!loaded.Success)
        {
            DiagnosticsPrinter.Write(context.Host.Stderr, loaded.Diagnostics);
            context.Host.Stderr.WriteLine($"ctem: the scope file {path} is not valid (see above); {refused}");
            return null;
        }

        return loaded.Document;
    }

    /// <summary>Null when <paramref name="product"/> may be used with the scope; else the error to print (a name the file does not declare).</summary>
    private static string? CheckProduct(ScopeDocument scope, string? product)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (product is null || scope.Products.Count == 0 || scope.FindProduct(product) is not null)
        {
            return null;
        }

        var names = scope.Products.Select(p => p.Name).ToList();
        var nearest = Suggestions.Nearest(product, names);
        return $"ctem: --product '{product}' is not declared in the scope file{(nearest is null ? "" : $"; did you mean '{nearest}'?")} (declared: {string.Join(", ", names)})";
    }

    /// <summary>A file the scope file names (its CODEOWNERS): a regular file within GitHub's size limit, else null.</summary>
    public static string? ReadRelated(string path)
    {
        try
        {
            return InputReader.CheckRegular(path) is null && new FileInfo(path).Length <= CodeOwnersFile.MaxBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
