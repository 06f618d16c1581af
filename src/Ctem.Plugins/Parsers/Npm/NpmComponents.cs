using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>The part of making a component that every npm-family lockfile shares: the purl and its warnings.</summary>
internal static class NpmComponents
{
    /// <param name="source">For a package without a version: the non-registry source it came from, if known.</param>
    public static Component Create(string path, string name, string? version, string bomRef, string pointer, List<Diagnostic> diagnostics, string? source = null)
    {
        if (string.IsNullOrEmpty(version))
        {
            var why = source is null ? "has no resolved version (unpinned)" : $"is installed from '{source}', not from the registry, and the lockfile gives no version for it";
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UnparsableVersion,
                path,
                $"'{name}' {why}; it is kept but cannot be matched by version",
                pointer));
            version = null;
        }

        var (purl, error) = NpmPurl.Create(name, version);
        if (purl is null)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.InvalidPurl,
                path,
                $"no purl for '{name}@{version}': {error}; the component is kept but cannot be matched",
                pointer));
        }

        return new Component(name, version, purl, bomRef, new SourceLocation(path, pointer)) { Type = "library" };
    }
}
