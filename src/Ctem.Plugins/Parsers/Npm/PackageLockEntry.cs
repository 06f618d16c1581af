using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// One installed folder of a package-lock, in either layout: <see cref="Key"/> is its path
/// (<c>node_modules/a/node_modules/b</c>; the v1 tree is mapped onto the same paths), which is also its BomRef.
/// Local folders (workspaces, <c>file:</c> packages) are kept for resolution but are not components.
/// </summary>
internal sealed record PackageLockEntry(
    string Key,
    string Name,
    string? Version,
    string Pointer,
    DependencyScope Scope,
    IReadOnlyList<string> Requires,
    IReadOnlyList<ComponentHash> Hashes,
    bool IsComponent)
{
    /// <summary>Where a package without a registry version came from (a git or tarball URL), for the warning.</summary>
    public string? Source { get; init; }
}
