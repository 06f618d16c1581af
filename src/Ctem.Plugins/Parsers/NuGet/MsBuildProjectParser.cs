using System.Xml.Linq;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Reads the <c>PackageReference</c> items of an SDK-style project (<c>.csproj</c>, <c>.fsproj</c>, <c>.vbproj</c>): what
/// the project itself asks for, so every reference is Direct. A version is taken from the reference (<c>Version</c>,
/// attribute or element; <c>VersionOverride</c> first), else, under Central Package Management, from the nearest
/// <c>Directory.Packages.props</c> found through <see cref="InputSource.Related"/>, whose <c>GlobalPackageReference</c>
/// items are added too. A range or floating version is not a version: the reference is kept unpinned, with a warning.
/// <c>PrivateAssets="all"</c> (and every global reference, which defaults to it) marks a build-time-only package
/// (Development). Item and property conditions are not evaluated: a reference under any condition is listed.
/// </summary>
public sealed class MsBuildProjectParser : IInventoryParser
{
    private static readonly string[] Extensions = [".csproj", ".fsproj", ".vbproj"];

    public string Name => "nuget/msbuild-project";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        Extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        var (document, error) = await NuGetXml.LoadAsync(source.Path, source.Content, cancellationToken);
        if (document?.Root is not { } root)
        {
            return InventoryResult.Failed(error ?? Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid XML: no root element"));
        }

        if (!root.Name.LocalName.Equals("Project", StringComparison.OrdinalIgnoreCase))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, $"not an MSBuild project: the root element is <{root.Name.LocalName}>, not <Project>", NuGetXml.Line(root)));
        }

        var diagnostics = new List<Diagnostic>();
        var properties = new MsBuildProperties();
        var central = FindCentral(source, properties, diagnostics);
        properties.Read(root);

        // Directory.Build.props, which this parser does not read, is where ManagePackageVersionsCentrally usually is set,
        // so a Directory.Packages.props counts as switching it on unless the property says otherwise.
        var centrallyManaged = central.Files.Count > 0
            && !string.Equals(properties["ManagePackageVersionsCentrally"], "false", StringComparison.OrdinalIgnoreCase);

        var components = new List<Component>();
        var seen = new HashSet<(string, string?)>(IdVersionComparer.Instance);
        foreach (var reference in NuGetXml.Descendants(root, "PackageReference"))
        {
            if (NuGetXml.Attribute(reference, "Include") is not { Length: > 0 } include)
            {
                // An Update item changes a reference made elsewhere (an implicit one, or another file's).
                continue;
            }

            var location = new SourceLocation(source.Path, NuGetXml.Line(reference));
            var explicitVersion = NuGetXml.Metadata(reference, "VersionOverride") is { Length: > 0 } versionOverride
                ? versionOverride
                : NuGetXml.Metadata(reference, "Version");
            foreach (var id in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var versionText = string.IsNullOrEmpty(explicitVersion) && centrallyManaged ? central.VersionOf(id) : explicitVersion;
                var version = ResolveVersion(id, versionText, location, centrallyManaged, properties, diagnostics);
                var development = IsPrivate(NuGetXml.Metadata(reference, "PrivateAssets"));
                if (seen.Add((id, version)))
                {
                    components.Add(Create(id, version, location, development));
                }
            }
        }

        if (centrallyManaged)
        {
            foreach (var (id, versionText, location) in central.GlobalReferences)
            {
                var version = ResolveVersion(id, versionText, location, centrallyManaged: false, properties, diagnostics);
                if (seen.Add((id, version)))
                {
                    components.Add(Create(id, version, location, development: true));
                }
            }
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, source.Path, "the project has no PackageReference items", NuGetXml.Line(root)));
        }

        return new InventoryResult(new Inventory(Product(source.Path, properties), components), diagnostics);
    }

    private static CentralPackageVersions FindCentral(InputSource source, MsBuildProperties properties, List<Diagnostic> diagnostics)
    {
        if (source.Related is null)
        {
            return CentralPackageVersions.Empty;
        }

        if (!Path.IsPathFullyQualified(source.Path))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, "the project path is not absolute, so no Directory.Packages.props can be looked for"));
            return CentralPackageVersions.Empty;
        }

        return CentralPackageVersions.Find(source.Path, source.Related, properties, diagnostics);
    }

    private static string? ResolveVersion(string id, string? text, SourceLocation location, bool centrallyManaged, MsBuildProperties properties, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(text))
        {
            var why = centrallyManaged
                ? "has no version, and no Directory.Packages.props read gives one"
                : "has no version (Central Package Management not found: no Directory.Packages.props was readable)";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"package '{id}' {why}; kept unpinned", location.Pointer));
            return null;
        }

        var (expanded, unknown) = properties.Expand(text);
        if (unknown.Count > 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"package '{id}': the version '{text}' uses properties not defined in the files read ({string.Join(", ", unknown)}); kept unpinned", location.Pointer));
            return null;
        }

        var (version, problem) = NuGetVersionText.Exact(expanded);
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, location.Path, $"package '{id}': {problem}; kept unpinned", location.Pointer));
        }

        return version;
    }

    private static bool IsPrivate(string? privateAssets) =>
        privateAssets is not null
        && privateAssets.Split(';', StringSplitOptions.TrimEntries).Any(asset => asset.Equals("all", StringComparison.OrdinalIgnoreCase));

    private static Component Create(string id, string? version, SourceLocation location, bool development)
    {
        var purl = NuGetPurl.Create(id, version);
        return new Component(id, version, purl, NuGetPurl.BomRef(purl, id, version), location)
        {
            Scope = development ? DependencyScope.Development : DependencyScope.Unspecified,
            Relation = DependencyRelation.Direct,
            Type = "library",
        };
    }

    private static ProductRef Product(string path, MsBuildProperties properties)
    {
        var name = Known(properties["PackageId"]) ?? Known(properties["AssemblyName"]) ?? Path.GetFileNameWithoutExtension(path);
        return new ProductRef(name, Known(properties["Version"]) ?? Known(properties["VersionPrefix"]));
    }

    private static string? Known(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Contains("$(", StringComparison.Ordinal) ? null : value;
}
