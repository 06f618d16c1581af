using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Central Package Management for one project: the nearest <c>Directory.Packages.props</c> in the project's directory
/// or above, plus the ones it imports from further up (the documented
/// <c>GetPathOfFileAbove(Directory.Packages.props, …)</c> chaining), read through <c>InputSource.Related</c>.
/// </summary>
internal sealed class CentralPackageVersions
{
    private const string FileName = "Directory.Packages.props";

    private readonly Dictionary<string, string> _versions = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<(string Id, string? Version, SourceLocation Location)> _global = [];

    private CentralPackageVersions()
    {
    }

    /// <summary>The props files read, nearest first; empty when none was found.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    public static CentralPackageVersions Empty { get; } = new();

    /// <summary>The centrally managed version text (not yet expanded), if the props files define one.</summary>
    public string? VersionOf(string id) => _versions.GetValueOrDefault(id);

    /// <summary><c>GlobalPackageReference</c> items: references every project gets, with their (unexpanded) version.</summary>
    public IReadOnlyList<(string Id, string? Version, SourceLocation Location)> GlobalReferences => _global;

    /// <summary>Finds and reads the props files; their properties go into <paramref name="properties"/> outermost first.</summary>
    public static CentralPackageVersions Find(string projectPath, Func<string, byte[]?> related, MsBuildProperties properties, List<Diagnostic> diagnostics)
    {
        var chain = new List<(string Path, XElement Root)>();
        var directory = Path.GetDirectoryName(projectPath);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory, FileName);
            directory = Path.GetDirectoryName(directory);
            if (related(candidate) is not { } bytes)
            {
                continue;
            }

            var (document, error) = NuGetXml.Load(candidate, bytes);
            if (error is not null)
            {
                diagnostics.Add(error with { Severity = DiagnosticSeverity.Warning, Message = $"{error.Message}; its central package versions are not used" });
                break;
            }

            if (document?.Root is not { } root)
            {
                break;
            }

            chain.Add((candidate, root));
            if (!ImportsParent(root))
            {
                break;
            }
        }

        var central = new CentralPackageVersions { Files = [.. chain.Select(c => c.Path)] };
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            central.Read(chain[i].Path, chain[i].Root, properties);
        }

        return central;
    }

    private static bool ImportsParent(XElement root) =>
        NuGetXml.Children(root, "Import").Any(import =>
            NuGetXml.Attribute(import, "Project") is { } project
            && project.Contains("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase)
            && project.Contains(FileName, StringComparison.OrdinalIgnoreCase));

    private void Read(string path, XElement root, MsBuildProperties properties)
    {
        properties.Read(root);
        foreach (var group in NuGetXml.Children(root, "ItemGroup"))
        {
            foreach (var item in NuGetXml.Children(group, "PackageVersion"))
            {
                var id = NuGetXml.Attribute(item, "Include") ?? NuGetXml.Attribute(item, "Update");
                if (!string.IsNullOrEmpty(id) && NuGetXml.Metadata(item, "Version") is { Length: > 0 } version)
                {
                    _versions[id] = version;
                }
            }

            foreach (var item in NuGetXml.Children(group, "GlobalPackageReference"))
            {
                if (NuGetXml.Attribute(item, "Include") is { Length: > 0 } id)
                {
                    _global.RemoveAll(g => g.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                    _global.Add((id, NuGetXml.Metadata(item, "Version"), new SourceLocation(path, NuGetXml.Line(item))));
                }
            }
        }
    }
}
