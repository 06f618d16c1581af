using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads the <c>packages</c> map of lockfileVersion 2 and 3: one entry per installed folder, keyed by its path.
/// The root <c>""</c> and other folders outside node_modules (workspaces, <c>file:</c> directories) are the
/// project; <c>link: true</c> entries are symlinks to those folders, not registry packages.
/// </summary>
internal static class PackageLockPackages
{
    private static readonly string[] DeclarationFields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
    private static readonly string[] RequireFields = ["dependencies", "optionalDependencies", "peerDependencies"];

    public static (ProductRef? Product, List<PackageLockEntry> Entries, HashSet<string> Direct) Read(
        string path, JsonElement root, JsonElement packages, List<Diagnostic> diagnostics)
    {
        var entries = new List<PackageLockEntry>();
        var projects = new List<(string Folder, JsonElement Entry)>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        JsonElement rootEntry = default;
        foreach (var property in packages.EnumerateObject())
        {
            var key = property.Name;
            var pointer = "/packages/" + Json.Escape(key);
            var value = property.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry '{key}' is not a JSON object; skipped", pointer));
                continue;
            }

            if (key.Length == 0)
            {
                rootEntry = value;
                projects.Add((key, value));
            }
            else if (Json.True(value, "link"))
            {
                links.Add(key);
            }
            else if (!NodeModulesPath.IsInstalled(key))
            {
                projects.Add((key, value));
            }
            else
            {
                var name = Json.String(value, "name") is { Length: > 0 } realName ? realName : NodeModulesPath.NameOf(key);
                entries.Add(new PackageLockEntry(
                    key,
                    name,
                    Json.String(value, "version"),
                    pointer,
                    ScopeOf(value),
                    [.. RequireFields.SelectMany(field => Json.StringMap(value, field).Keys).Distinct(StringComparer.Ordinal)],
                    NpmIntegrity.Parse(Json.String(value, "integrity")),
                    IsComponent: true));
            }
        }

        var installed = entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, entry) in projects)
        {
            foreach (var name in DeclarationFields.SelectMany(field => Json.StringMap(entry, field).Keys))
            {
                // A name that resolves to a link is another workspace of the same project, not a package.
                if (NodeModulesPath.Resolve(folder, name, key => installed.Contains(key) || links.Contains(key)) is { } target && installed.Contains(target))
                {
                    direct.Add(target);
                }
            }
        }

        var productName = Json.String(rootEntry, "name") ?? Json.String(root, "name");
        var product = string.IsNullOrEmpty(productName) ? null : new ProductRef(productName, Json.String(rootEntry, "version") ?? Json.String(root, "version"));
        return (product, entries, direct);
    }

    private static DependencyScope ScopeOf(JsonElement entry)
    {
        // An optional dependency of a dev dependency has both flags: it is only ever installed for development.
        if (Json.True(entry, "dev"))
        {
            return DependencyScope.Development;
        }

        // devOptional: needed by development and, optionally, by production; a production install treats it as optional.
        return Json.True(entry, "optional") || Json.True(entry, "devOptional") ? DependencyScope.Optional : DependencyScope.Runtime;
    }
}
