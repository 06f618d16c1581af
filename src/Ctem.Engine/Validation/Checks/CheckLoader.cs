using System.Reflection;
using Ctem.Core.Diagnostics;
using Ctem.Engine.Scoping;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Engine.Validation.Checks;

/// <summary>The checks read from one place, and what was wrong with the ones that could not be read.</summary>
public sealed record CheckLoad(IReadOnlyList<ValidationCheck> Checks, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static CheckLoad Empty { get; } = new([], []);

    /// <summary>Both loads; a later check with an id already loaded is refused.</summary>
    public CheckLoad Then(CheckLoad more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var checks = Checks.ToList();
        var diagnostics = Diagnostics.ToList();
        foreach (var check in more.Checks)
        {
            if (checks.Find(c => c.Id == check.Id) is { } first)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidCheck, check.File, $"check id '{check.Id}' is already taken by {first.File}"));
                continue;
            }

            checks.Add(check);
        }

        return new CheckLoad(checks, [.. diagnostics, .. more.Diagnostics]);
    }
}

/// <summary>
/// Reads validation checks: the built-in ones embedded in this assembly, and the YAML files of the scope file's
/// <c>validation.checks</c> directory. Bad, unsafe or undeclared checks come back as diagnostics with file and line,
/// never as exceptions, and are left out.
/// </summary>
public static class CheckLoader
{
    private const string BuiltInPrefix = "Ctem.Engine.Validation.Checks.BuiltIn.";

    /// <summary>The checks that ship with Ctem.</summary>
    public static CheckLoad BuiltIn()
    {
        var assembly = typeof(CheckLoader).Assembly;
        var load = CheckLoad.Empty;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            load = load.Then(Parse("built-in:" + name[BuiltInPrefix.Length..], Read(assembly, name)));
        }

        return load;
    }

    /// <summary>Every <c>*.yaml</c> and <c>*.yml</c> file of <paramref name="directory"/> (not its subdirectories), in name order.</summary>
    public static CheckLoad Directory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return new CheckLoad([], [Diagnostic.Error(DiagnosticCodes.InvalidCheck, directory, "the validation checks directory does not exist (validation.checks in the scope file)")]);
        }

        var load = CheckLoad.Empty;
        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                load = load.Then(new CheckLoad([], [Diagnostic.Error(DiagnosticCodes.UnreadableFile, file, ex.Message)]));
                continue;
            }

            load = load.Then(Parse(file, text));
        }

        return load;
    }

    /// <summary>One check file's text: one check, or the diagnostics that kept it out.</summary>
    public static CheckLoad Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (ScopeYamlGuard.Check(text) is { } refused)
        {
            return Failed(path, refused.Error, refused.Start);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return Failed(path, "invalid YAML: " + (ex.InnerException?.Message ?? ex.Message), ex.Start);
        }

        if (stream.Documents.Count != 1)
        {
            return Failed(path, $"expected one YAML document (one check a file), found {stream.Documents.Count}", Mark.Empty);
        }

        var reader2 = new CheckReader(path);
        var check = reader2.Read(stream.Documents[0].RootNode);
        return check is null || reader2.Diagnostics.Any(d => d.IsError) ? new CheckLoad([], reader2.Diagnostics) : new CheckLoad([check], reader2.Diagnostics);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static CheckLoad Failed(string path, string message, Mark start) =>
        new([], [Diagnostic.Error(DiagnosticCodes.InvalidCheck, path, message, $"{start.Line}:{start.Column}")]);
}
