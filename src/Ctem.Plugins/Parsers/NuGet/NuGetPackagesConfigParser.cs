using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Reads a legacy <c>packages.config</c> (or <c>packages.&lt;project&gt;.config</c>): a flat list of every package the
/// project restores, direct and transitive alike, so the relation is left unspecified. <c>developmentDependency="true"</c>
/// marks a build-time-only package (Development); the file says nothing of the others' scope.
/// </summary>
public sealed class NuGetPackagesConfigParser : IInventoryParser
{
    public string Name => "nuget/packages-config";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("packages.config", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // packages.<project>.config is NuGet's per-project variant; the name alone is too loose, so the root must be <packages>.
        return name.StartsWith("packages.", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
            && head.IndexOf("<packages"u8) >= 0;
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        var (document, error) = await NuGetXml.LoadAsync(source.Path, source.Content, cancellationToken);
        if (document?.Root is not { } root)
        {
            return InventoryResult.Failed(error ?? Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid XML: no root element"));
        }

        if (!root.Name.LocalName.Equals("packages", StringComparison.OrdinalIgnoreCase))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, $"not a packages.config: the root element is <{root.Name.LocalName}>, not <packages>", NuGetXml.Line(root)));
        }

        var diagnostics = new List<Diagnostic>();
        var components = new List<Component>();
        foreach (var package in NuGetXml.Children(root, "package"))
        {
            if (Read(source.Path, package, diagnostics) is { } component)
            {
                components.Add(component);
            }
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, source.Path, "packages.config lists no packages", NuGetXml.Line(root)));
        }

        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    private static Component? Read(string path, XElement package, List<Diagnostic> diagnostics)
    {
        var line = NuGetXml.Line(package);
        var id = NuGetXml.Attribute(package, "id");
        if (string.IsNullOrEmpty(id))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, "a <package> has no 'id'; skipped", line));
            return null;
        }

        var version = NuGetXml.Attribute(package, "version");
        if (string.IsNullOrEmpty(version))
        {
            version = null;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"package '{id}' has no version; kept unpinned", line));
        }

        var purl = NuGetPurl.Create(id, version);
        var development = string.Equals(NuGetXml.Attribute(package, "developmentDependency"), "true", StringComparison.OrdinalIgnoreCase);
        return new Component(id, version, purl, NuGetPurl.BomRef(purl, id, version), new SourceLocation(path, line))
        {
            Scope = development ? DependencyScope.Development : DependencyScope.Unspecified,
            Type = "library",
        };
    }
}
