using Ctem.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Turns a yarn berry (v2+) lockfile into <see cref="YarnEntry"/>s. Keys list descriptors
/// (<c>"a@npm:^1.0.0, a@npm:^1.1.0"</c>); <c>resolution</c> is the locator that says where the package came from:
/// <c>npm:</c> the registry, <c>workspace:</c> the project, <c>link:</c>/<c>portal:</c>/<c>file:</c> local folders,
/// <c>patch:</c> a patched copy of another entry.
/// </summary>
internal static class YarnBerry
{
    public static List<YarnEntry> Read(string path, YamlMappingNode root, List<Diagnostic> diagnostics)
    {
        var result = new List<YarnEntry>();
        foreach (var (keyNode, body) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || key == "__metadata")
            {
                continue;
            }

            var location = Yaml.LineOf(keyNode);
            if (body is not YamlMappingNode)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry '{key}' is not a mapping; skipped", location));
                continue;
            }

            var resolution = Yaml.Scalar(body, "resolution");
            if (resolution is null || NpmPurl.SplitAt(resolution) is not { } locator)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"the entry '{key}' has no 'resolution' of the form name@protocol:reference; skipped", location));
                continue;
            }

            var kind = locator.Range switch
            {
                "workspace:." => YarnEntryKind.RootWorkspace,
                var r when r.StartsWith("workspace:", StringComparison.Ordinal) => YarnEntryKind.Workspace,
                var r when r.StartsWith("link:", StringComparison.Ordinal) || r.StartsWith("portal:", StringComparison.Ordinal) || r.StartsWith("file:", StringComparison.Ordinal) => YarnEntryKind.Local,
                var r when r.StartsWith("patch:", StringComparison.Ordinal) => YarnEntryKind.Patch,
                _ => YarnEntryKind.Package,
            };

            var optional = Yaml.Mapping(body, "dependenciesMeta");
            var dependencies = Yaml.ScalarEntries(Yaml.Mapping(body, "dependencies"))
                .Select(d => (d.Key, d.Value, Yaml.True(Yaml.Mapping(optional, d.Key), "optional")))
                .ToList();

            // The checksum is of yarn's own zip of the package, not of the published tarball, so it is not a package hash.
            result.Add(new YarnEntry(
                kind,
                resolution,
                locator.Name,
                Yaml.Scalar(body, "version"),
                (int)keyNode.Start.Line,
                [.. key.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                dependencies,
                []));
        }

        return result;
    }
}
