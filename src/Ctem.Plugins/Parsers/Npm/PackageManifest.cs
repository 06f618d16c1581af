using System.Text.Json;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// The parts of a project's <c>package.json</c> the lockfile parsers use: its name and version (the product) and
/// what it declares (direct dependencies and their scope). Read through <see cref="InputSource.Related"/> from the
/// lockfile's directory; absent or unreadable, the parsers work from the lockfile alone.
/// </summary>
internal sealed record PackageManifest(
    string? Name,
    string? Version,
    IReadOnlyDictionary<string, string> Dependencies,
    IReadOnlyDictionary<string, string> DevDependencies,
    IReadOnlyDictionary<string, string> OptionalDependencies,
    IReadOnlyDictionary<string, string> PeerDependencies)
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The package.json beside the input, or null when it cannot be had.</summary>
    public static PackageManifest? Beside(InputSource source)
    {
        // Related takes absolute paths; a relative input path gives no reliable directory to look in.
        if (source.Related is null || !Path.IsPathRooted(source.Path) || Path.GetDirectoryName(source.Path) is not { } directory)
        {
            return null;
        }

        var bytes = source.Related(Path.Combine(directory, "package.json"));
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, Options);
            return From(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // A broken package.json is not this input's problem: the lockfile alone still says what is installed.
            return null;
        }
    }

    public static PackageManifest? From(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object
            ? null
            : new PackageManifest(
                Json.String(root, "name"),
                Json.String(root, "version"),
                Json.StringMap(root, "dependencies"),
                Json.StringMap(root, "devDependencies"),
                Json.StringMap(root, "optionalDependencies"),
                Json.StringMap(root, "peerDependencies"));

    /// <summary>Every declared name with the scope its strongest declaration gives it.</summary>
    public IEnumerable<(string Name, string Range, DependencyScope Scope)> Declared()
    {
        foreach (var (name, range) in Dependencies)
        {
            yield return (name, range, DependencyScope.Runtime);
        }

        foreach (var (name, range) in PeerDependencies)
        {
            yield return (name, range, DependencyScope.Runtime);
        }

        foreach (var (name, range) in OptionalDependencies)
        {
            yield return (name, range, DependencyScope.Optional);
        }

        foreach (var (name, range) in DevDependencies)
        {
            yield return (name, range, DependencyScope.Development);
        }
    }
}
