using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>
/// Reads a Maven <c>pom.xml</c> (or a repository <c>*.pom</c>): the project's coordinates are the product
/// (<c>groupId:artifactId</c>, groupId and version inherited from the parent when absent), its
/// <c>&lt;dependencies&gt;</c> are components, all Direct (a POM does not list transitive dependencies). The parent
/// chain is followed through <see cref="InputSource.Related"/> (<c>relativePath</c>, default <c>../pom.xml</c>) for
/// inherited properties, managed versions and dependencies. Scopes: compile and runtime are Runtime, test is Test,
/// provided and system are Optional (the environment supplies them; the artifact does not ship them), and
/// <c>&lt;optional&gt;true</c> makes a non-test dependency Optional. A version that cannot be resolved (a missing
/// property, a BOM import or a parent not read, a range) is a warning, and the component is kept unpinned.
/// Dependencies in profiles and in build plugins are not read.
/// </summary>
public sealed class MavenPomParser : IInventoryParser
{
    private const int MaxParents = 16;

    public string Name => "maven/pom";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        return name.Equals("pom.xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pom", StringComparison.OrdinalIgnoreCase);
    }

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        var (document, error) = MavenXml.Load(source.Path, source.Content);
        if (document?.Root is not { } root)
        {
            return Task.FromResult(InventoryResult.Failed(error ?? Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid XML: no root element")));
        }

        if (root.Name.LocalName != "project")
        {
            return Task.FromResult(InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, $"not a Maven POM: the root element is <{root.Name.LocalName}>, not <project>", MavenXml.Line(root))));
        }

        var diagnostics = new List<Diagnostic>();
        var chain = new List<PomModel> { PomModel.Read(source.Path, root) };
        ReadParents(source, chain, diagnostics);
        return Task.FromResult(Build(source.Path, chain, diagnostics));
    }

    private static void ReadParents(InputSource source, List<PomModel> chain, List<Diagnostic> diagnostics)
    {
        if (source.Related is null || !Path.IsPathFullyQualified(source.Path))
        {
            return;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { source.Path };
        while (chain.Count <= MaxParents && chain[^1] is { HasParent: true } child && child.ParentRelativePath is not "")
        {
            var relative = child.ParentRelativePath ?? "../pom.xml";
            var candidate = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(child.Path)!, relative));
            if (!candidate.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !candidate.EndsWith(".pom", StringComparison.OrdinalIgnoreCase))
            {
                candidate = Path.Combine(candidate, "pom.xml");
            }

            if (!visited.Add(candidate) || source.Related(candidate) is not { } bytes)
            {
                return;
            }

            using var stream = new MemoryStream(bytes, writable: false);
            var (document, error) = MavenXml.Load(candidate, stream);
            if (document?.Root is not { } root || root.Name.LocalName != "project")
            {
                if (error is not null)
                {
                    diagnostics.Add(error with { Severity = DiagnosticSeverity.Warning, Message = $"{error.Message}; the parent POM is not used" });
                }

                return;
            }

            var parent = PomModel.Read(candidate, root);

            // Maven uses a file at relativePath only if it is the declared parent; a different POM there (often an
            // aggregator) is passed over, which is worth saying only when the path was written out.
            if (parent.ArtifactId != child.ParentArtifactId || (parent.GroupId ?? parent.ParentGroupId) != child.ParentGroupId)
            {
                if (child.ParentRelativePath is not null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, child.Path, $"the POM at relativePath '{relative}' is not the parent {child.ParentGroupId}:{child.ParentArtifactId}; not used"));
                }

                return;
            }

            chain.Add(parent);
        }
    }

    private static InventoryResult Build(string path, List<PomModel> chain, List<Diagnostic> diagnostics)
    {
        var project = chain[0];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i].Properties)
            {
                values[key] = value;
            }
        }

        var groupId = project.GroupId ?? project.ParentGroupId;
        var version = project.Version ?? project.ParentVersion;
        AddBuiltIn(values, "groupId", groupId);
        AddBuiltIn(values, "artifactId", project.ArtifactId);
        AddBuiltIn(values, "version", version);
        AddBuiltIn(values, "parent.groupId", project.ParentGroupId);
        AddBuiltIn(values, "parent.artifactId", project.ParentArtifactId);
        AddBuiltIn(values, "parent.version", project.ParentVersion);
        var interpolator = new PomInterpolator(values);

        var managed = new Dictionary<string, PomDependency>(StringComparer.Ordinal);
        var declared = new Dictionary<string, PomDependency>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var dependency in chain[i].Managed)
            {
                managed[KeyOf(dependency, interpolator)] = dependency;
            }

            foreach (var dependency in chain[i].Dependencies)
            {
                // A child's declaration replaces the inherited one of the same key, in the inherited one's place.
                declared[KeyOf(dependency, interpolator)] = dependency;
            }
        }

        var parentNote = chain[^1].HasParent
            ? $" (it may be managed by the parent {chain[^1].ParentGroupId}:{chain[^1].ParentArtifactId}:{chain[^1].ParentVersion}, which was not read)"
            : string.Empty;
        var components = new List<Component>();
        foreach (var (key, dependency) in declared)
        {
            if (Create(dependency, managed.GetValueOrDefault(key), interpolator, parentNote, diagnostics) is { } component)
            {
                components.Add(component);
            }
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, "the POM declares no dependencies"));
        }

        return new InventoryResult(new Inventory(Product(project, groupId, version, interpolator), components), diagnostics);
    }

    private static void AddBuiltIn(Dictionary<string, string> values, string name, string? value)
    {
        if (value is not null)
        {
            values[$"project.{name}"] = value;

            // "pom." is Maven 2's spelling, still accepted by Maven 3.
            values[$"pom.{name}"] = value;
        }
    }

    private static string KeyOf(PomDependency dependency, PomInterpolator interpolator) =>
        (dependency with
        {
            GroupId = interpolator.Interpolate(dependency.GroupId).Value ?? dependency.GroupId,
            ArtifactId = interpolator.Interpolate(dependency.ArtifactId).Value ?? dependency.ArtifactId,
        }).Key;

    private static Component? Create(PomDependency dependency, PomDependency? managed, PomInterpolator interpolator, string parentNote, List<Diagnostic> diagnostics)
    {
        var location = dependency.Location;
        var (groupId, unknownGroup) = interpolator.Interpolate(dependency.GroupId);
        var (artifactId, unknownArtifact) = interpolator.Interpolate(dependency.ArtifactId);
        if (groupId is null || artifactId is null)
        {
            var unknown = unknownGroup ?? unknownArtifact;
            var why = unknown is null ? "has no groupId or artifactId" : $"uses {unknown}, which no property defines";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, location.Path, $"a dependency {why}; skipped", location.Pointer));
            return null;
        }

        var name = $"{groupId}:{artifactId}";
        var version = ResolveVersion(name, dependency.Version ?? managed?.Version, interpolator, parentNote, location, diagnostics);
        var purl = MavenPurl.Create(groupId, artifactId, version, dependency.Type ?? managed?.Type, dependency.Classifier);
        if (purl is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, location.Path, $"no purl can be made for '{name}'; kept, but it cannot be matched", location.Pointer));
        }

        return new Component(name, version, purl, MavenPurl.BomRef(purl, name, version), location)
        {
            Scope = ScopeOf(dependency.Scope ?? managed?.Scope, dependency.Optional),
            Relation = DependencyRelation.Direct,
            Type = "library",
        };
    }

    private static string? ResolveVersion(string name, string? text, PomInterpolator interpolator, string parentNote, SourceLocation location, List<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"'{name}' has no version here or in dependencyManagement{parentNote}; kept unpinned", location.Pointer));
            return null;
        }

        var (value, unknown) = interpolator.Interpolate(text);
        if (value is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"'{name}': the version '{text}' uses {unknown}, which no property read defines{parentNote}; kept unpinned", location.Pointer));
            return null;
        }

        var (version, problem) = MavenPurl.Exact(value);
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"'{name}': {problem}; kept unpinned", location.Pointer));
        }

        return version;
    }

    private static DependencyScope ScopeOf(string? scope, bool optional) => scope switch
    {
        "test" => DependencyScope.Test,
        "provided" or "system" => DependencyScope.Optional,
        _ when optional => DependencyScope.Optional,
        null or "compile" or "runtime" => DependencyScope.Runtime,
        _ => DependencyScope.Unspecified,
    };

    private static ProductRef? Product(PomModel project, string? groupId, string? version, PomInterpolator interpolator)
    {
        var group = interpolator.Interpolate(groupId).Value;
        var artifact = interpolator.Interpolate(project.ArtifactId).Value;
        return group is null || artifact is null ? null : new ProductRef($"{group}:{artifact}", interpolator.Interpolate(version).Value);
    }
}
