using System.Xml.Linq;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>What the parser needs of one POM file: coordinates, parent reference, properties and dependencies.</summary>
internal sealed class PomModel
{
    public required string Path { get; init; }

    public string? GroupId { get; init; }

    public string? ArtifactId { get; init; }

    public string? Version { get; init; }

    public string? ParentGroupId { get; init; }

    public string? ParentArtifactId { get; init; }

    public string? ParentVersion { get; init; }

    /// <summary>The parent's <c>relativePath</c> element text: null when absent (Maven's default "../pom.xml"), empty when it turns the lookup off.</summary>
    public string? ParentRelativePath { get; init; }

    public bool HasParent => ParentArtifactId is not null;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public List<PomDependency> Dependencies { get; } = [];

    public List<PomDependency> Managed { get; } = [];

    public static PomModel Read(string path, XElement project)
    {
        var parent = MavenXml.Child(project, "parent");
        var model = new PomModel
        {
            Path = path,
            GroupId = MavenXml.Text(project, "groupId"),
            ArtifactId = MavenXml.Text(project, "artifactId"),
            Version = MavenXml.Text(project, "version"),
            ParentGroupId = MavenXml.Text(parent, "groupId"),
            ParentArtifactId = MavenXml.Text(parent, "artifactId"),
            ParentVersion = MavenXml.Text(parent, "version"),
            ParentRelativePath = MavenXml.Child(parent, "relativePath")?.Value.Trim(),
        };

        foreach (var property in MavenXml.Child(project, "properties")?.Elements() ?? [])
        {
            model.Properties[property.Name.LocalName] = property.Value.Trim();
        }

        // Only the project's own dependency lists: plugin dependencies are build tools, and profiles apply only when activated.
        model.Dependencies.AddRange(ReadList(path, MavenXml.Child(project, "dependencies")));
        model.Managed.AddRange(ReadList(path, MavenXml.Child(MavenXml.Child(project, "dependencyManagement"), "dependencies")));
        return model;
    }

    private static IEnumerable<PomDependency> ReadList(string path, XElement? list) =>
        MavenXml.Children(list, "dependency").Select(d => new PomDependency(
            MavenXml.Text(d, "groupId"),
            MavenXml.Text(d, "artifactId"),
            MavenXml.Text(d, "version"),
            MavenXml.Text(d, "scope"),
            MavenXml.Text(d, "type"),
            MavenXml.Text(d, "classifier"),
            string.Equals(MavenXml.Text(d, "optional"), "true", StringComparison.OrdinalIgnoreCase),
            new SourceLocation(path, MavenXml.Line(d))));
}
