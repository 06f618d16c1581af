using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Reads a NuGet lock file (<c>packages.lock.json</c>, or <c>packages.&lt;project&gt;.lock.json</c>): per target
/// framework, every package restore resolved. A package listed under several target frameworks at the same version is
/// one component whose edges are the union of its per-framework edges; at different versions it is one component per
/// version. <c>Direct</c> anywhere makes it Direct; <c>Transitive</c> and <c>CentralTransitive</c> (pinned centrally,
/// not referenced) are Transitive. <c>Project</c> entries are the solution's own project references, not packages: they
/// are not components, and edges to them are dropped. The lock file does not name its project, so there is no product.
/// </summary>
public sealed class NuGetPackagesLockParser : IInventoryParser
{
    public string Name => "nuget/packages-lock";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        return name.Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("packages.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".lock.json", StringComparison.OrdinalIgnoreCase));
    }

    public Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        NuGetJson.ReadAsync(source, Read, cancellationToken);

    private static InventoryResult Read(string path, JsonElement root)
    {
        if (!NuGetJson.TryObject(root, "dependencies", out var frameworks))
        {
            return InventoryResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a NuGet lock file: there is no 'dependencies' object of target frameworks", "/dependencies"));
        }

        var diagnostics = new List<Diagnostic>();
        var packages = new Dictionary<(string Id, string? Version), LockedPackage>(IdVersionComparer.Instance);
        foreach (var framework in frameworks.EnumerateObject())
        {
            var frameworkPointer = $"/dependencies/{NuGetJson.Token(framework.Name)}";
            if (framework.Value.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"target framework '{framework.Name}' is not an object; skipped", frameworkPointer));
                continue;
            }

            ReadFramework(path, framework.Value, frameworkPointer, packages, diagnostics);
        }

        var components = packages.Values.Select(p => p.ToComponent(path)).ToList();
        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, "the lock file lists no packages", "/dependencies"));
        }

        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    private static void ReadFramework(string path, JsonElement framework, string frameworkPointer, Dictionary<(string, string?), LockedPackage> packages, List<Diagnostic> diagnostics)
    {
        // Edges name a package by id only; the version is the one resolved under the same framework.
        var resolved = new Dictionary<string, (string Id, string? Version)>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<(string Id, JsonElement Entry, string Pointer)>();
        foreach (var property in framework.EnumerateObject())
        {
            var pointer = $"{frameworkPointer}/{NuGetJson.Token(property.Name)}";
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"entry '{property.Name}' is not an object; skipped", pointer));
                continue;
            }

            if (string.Equals(NuGetJson.String(property.Value, "type"), "Project", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var version = NuGetJson.String(property.Value, "resolved");
            if (string.IsNullOrWhiteSpace(version))
            {
                version = null;
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, path, $"package '{property.Name}' has no 'resolved' version; kept unpinned", pointer));
            }

            resolved[property.Name] = (property.Name, version);
            entries.Add((property.Name, property.Value, pointer));
        }

        foreach (var (id, entry, pointer) in entries)
        {
            var version = resolved[id].Version;
            if (!packages.TryGetValue((id, version), out var package))
            {
                package = new LockedPackage(id, version, pointer);
                packages.Add((id, version), package);
            }

            package.Direct |= string.Equals(NuGetJson.String(entry, "type"), "Direct", StringComparison.OrdinalIgnoreCase);
            package.Hash ??= NuGetPurl.Sha512(NuGetJson.String(entry, "contentHash"));
            if (NuGetJson.TryObject(entry, "dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    if (resolved.TryGetValue(dependency.Name, out var target))
                    {
                        package.AddEdge(NuGetPurl.BomRef(NuGetPurl.Create(target.Id, target.Version), target.Id, target.Version));
                    }
                }
            }
        }
    }

    private sealed class LockedPackage(string id, string? version, string pointer)
    {
        private readonly List<string> _dependsOn = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public bool Direct { get; set; }

        public ComponentHash? Hash { get; set; }

        public void AddEdge(string bomRef)
        {
            if (_seen.Add(bomRef))
            {
                _dependsOn.Add(bomRef);
            }
        }

        public Component ToComponent(string path)
        {
            var purl = NuGetPurl.Create(id, version);
            return new Component(id, version, purl, NuGetPurl.BomRef(purl, id, version), new SourceLocation(path, pointer))
            {
                Relation = Direct ? DependencyRelation.Direct : DependencyRelation.Transitive,
                DependsOn = [.. _dependsOn],
                Hashes = Hash is null ? [] : [Hash],
                Type = "library",
            };
        }
    }
}
