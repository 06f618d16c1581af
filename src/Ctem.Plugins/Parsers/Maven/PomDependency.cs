using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>One <c>&lt;dependency&gt;</c> as written (properties not yet substituted), and where.</summary>
internal sealed record PomDependency(
    string? GroupId,
    string? ArtifactId,
    string? Version,
    string? Scope,
    string? Type,
    string? Classifier,
    bool Optional,
    SourceLocation Location)
{
    /// <summary>Maven's identity of a dependency within one POM: groupId:artifactId:type:classifier.</summary>
    public string Key => $"{GroupId}:{ArtifactId}:{Type ?? "jar"}:{Classifier}";
}
