using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads the nested <c>dependencies</c> tree of lockfileVersion 1, mapping each entry onto the folder it is
/// installed in (<c>node_modules/a/node_modules/b</c>) so that both layouts resolve requirements the same way.
/// </summary>
internal static class PackageLockTree
{
    public static List<PackageLockEntry> Read(string path, JsonElement dependencies, List<Diagnostic> diagnostics)
    {
        var entries = new List<PackageLockEntry>();
        Walk(path, dependencies, "/dependencies", string.Empty, entries, diagnostics);
        return entries;
    }

    private static void Walk(string path, JsonElement dependencies, string pointer, string folder, List<PackageLockEntry> entries, List<Diagnostic> diagnostics)
    {
        foreach (var property in dependencies.EnumerateObject())
        {
            var here = $"{pointer}/{Json.Escape(property.Name)}";
            var value = property.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry '{property.Name}' is not a JSON object; skipped", here));
                continue;
            }

            var key = NodeModulesPath.Child(folder, property.Name);
            var (name, version, source, isComponent) = Classify(property.Name, Json.String(value, "version"));
            var scope = Json.True(value, "dev") ? DependencyScope.Development
                : Json.True(value, "optional") ? DependencyScope.Optional
                : DependencyScope.Runtime;
            entries.Add(new PackageLockEntry(
                key,
                name,
                version,
                here,
                scope,
                [.. Json.StringMap(value, "requires").Keys],
                NpmIntegrity.Parse(Json.String(value, "integrity")),
                isComponent)
            {
                Source = source,
            });

            if (value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                Walk(path, nested, here + "/dependencies", key, entries, diagnostics);
            }
        }
    }

    /// <summary>
    /// What a v1 <c>version</c> says: a registry version, an alias (<c>npm:real-name@1.2.3</c>), a local folder
    /// (<c>file:</c>, part of the project), or another source (git, tarball URL) that gives no version to match.
    /// </summary>
    private static (string Name, string? Version, string? Source, bool IsComponent) Classify(string installedName, string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return (installedName, null, null, true);
        }

        if (version.StartsWith("npm:", StringComparison.Ordinal) && NpmPurl.SplitAt(version[4..]) is { } alias)
        {
            return (alias.Name, alias.Range, null, true);
        }

        if (version.StartsWith("file:", StringComparison.Ordinal) || version.StartsWith("link:", StringComparison.Ordinal))
        {
            return (installedName, null, version, false);
        }

        return version.Contains(':', StringComparison.Ordinal) || version.Contains('/', StringComparison.Ordinal) || version.Contains('#', StringComparison.Ordinal)
            ? (installedName, null, version, true)
            : (installedName, version, null, true);
    }
}
