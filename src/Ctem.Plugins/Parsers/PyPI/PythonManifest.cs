using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// The manifest next to a lockfile (pyproject.toml, Pipfile): the only place that says which locked packages the
/// project asks for itself, so it turns "Unspecified" relations into Direct and Transitive.
/// </summary>
internal sealed record PythonManifest(ProductRef? Product, IReadOnlySet<string> DirectNames)
{
    /// <summary>Reads <paramref name="fileName"/> beside the input; null (with a warning if it is broken) when it cannot.</summary>
    public static TomlTable? ReadBeside(InputSource source, string fileName, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source.Path)) ?? string.Empty, fileName);
        if (source.Related?.Invoke(path) is not { } bytes)
        {
            return null;
        }

        if (TomlInventory.TryParse(bytes, out var document, out var error))
        {
            return document.Root;
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidJson, path, $"invalid TOML: {error.Message}; direct and transitive dependencies are not told apart", error.Location));
        return null;
    }

    /// <summary>PEP 621 <c>[project]</c>, PEP 735 <c>[dependency-groups]</c> and Poetry's <c>[tool.poetry]</c> tables.</summary>
    public static PythonManifest FromPyproject(TomlTable pyproject)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var project = pyproject.GetTable("project");
        AddRequirements(names, project?.GetArray("dependencies"));
        foreach (var extra in project?.GetTable("optional-dependencies")?.Values ?? Enumerable.Empty<object>())
        {
            AddRequirements(names, extra as TomlArray);
        }

        foreach (var group in pyproject.GetTable("dependency-groups")?.Values ?? Enumerable.Empty<object>())
        {
            AddRequirements(names, group as TomlArray);
        }

        var poetry = pyproject.GetTable("tool")?.GetTable("poetry");
        AddKeys(names, poetry?.GetTable("dependencies"));
        AddKeys(names, poetry?.GetTable("dev-dependencies"));
        foreach (var group in poetry?.GetTable("group")?.Values.OfType<TomlTable>() ?? [])
        {
            AddKeys(names, group.GetTable("dependencies"));
        }

        var name = project?.GetString("name") ?? poetry?.GetString("name");
        var product = name is { Length: > 0 } ? new ProductRef(name, project?.GetString("version") ?? poetry?.GetString("version")) : null;
        return new PythonManifest(product, names);
    }

    /// <summary>Pipenv's <c>[packages]</c> and <c>[dev-packages]</c>.</summary>
    public static PythonManifest FromPipfile(TomlTable pipfile)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        AddKeys(names, pipfile.GetTable("packages"));
        AddKeys(names, pipfile.GetTable("dev-packages"));
        return new PythonManifest(null, names);
    }

    public DependencyRelation RelationOf(string name) =>
        DirectNames.Contains(PypiPackages.Normalize(name)) ? DependencyRelation.Direct : DependencyRelation.Transitive;

    private static void AddKeys(HashSet<string> names, TomlTable? table)
    {
        foreach (var key in table?.Keys ?? Enumerable.Empty<string>())
        {
            if (key != "python")
            {
                names.Add(PypiPackages.Normalize(key));
            }
        }
    }

    /// <summary>PEP 508 strings ("requests[socks]>=2; python_version>'3'"): the name is what comes before any other syntax.</summary>
    private static void AddRequirements(HashSet<string> names, TomlArray? requirements)
    {
        foreach (var requirement in requirements?.OfType<string>() ?? [])
        {
            var text = requirement.Trim();
            var end = 0;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '_'))
            {
                end++;
            }

            if (end > 0)
            {
                names.Add(PypiPackages.Normalize(text[..end]));
            }
        }
    }
}
